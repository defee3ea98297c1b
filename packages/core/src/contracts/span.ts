import type { Attributes } from '../model/attributes.js';
import type { HrTime } from '../model/hrTime.js';
import type { SpanContextData } from '../model/spanData.js';
import type { SpanStatus } from '../model/spanStatus.js';

/** A span under way. Every method is safe to call after `end()` (it does nothing). */
export interface SpanProtocol {
  /** Current span name. */
  readonly name: string;
  /** Attributes set so far. */
  readonly attributes: Attributes;
  /** True once ended. */
  readonly ended: boolean;
  /** The span's propagated identity. */
  spanContext(): SpanContextData;
  /** Set one attribute; values of unsupported types are dropped and counted, never thrown. */
  setAttribute(key: string, value: unknown): this;
  setAttributes(attributes: Readonly<Record<string, unknown>>): this;
  /** Add a timestamped event. */
  addEvent(
    name: string,
    attributes?: Readonly<Record<string, unknown>>,
    time?: HrTime | number,
  ): this;
  /** Record an exception as an `exception` event. */
  recordException(error: unknown, attributes?: Readonly<Record<string, unknown>>): this;
  setStatus(status: SpanStatus, message?: string): this;
  updateName(name: string): this;
  /** True while the span records (false for no-op and unsampled spans). */
  isRecording(): boolean;
  /** End the span (idempotent). `endTime` as HrTime or epoch ms. */
  end(endTime?: HrTime | number): void;
  /** Alias for {@link SpanProtocol.end}. */
  finish(): void;
  /** Ends the span, so `using span = tracer.startSpan(...)` works. */
  [Symbol.dispose](): void;
}

import type { HrTime } from '../model/hrTime.js';
import type { SpanContextData } from '../model/spanData.js';
import type { SpanKind } from '../model/spanKind.js';
import type { SpanProtocol } from './span.js';

/** Headers or message metadata that carry trace context. Node's `IncomingHttpHeaders` fits. */
export type TextMapGetterCarrier = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A mutable carrier that context is injected into. */
export type TextMapSetterCarrier = Record<string, string>;

/** A link given when starting a span. */
export interface StartSpanLink {
  readonly context: SpanContextData;
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** Options of `startSpan`. */
export interface StartSpanOptions {
  /**
   * Parent: a span, a span context, or `null` for a new root. When omitted, the active span (if
   * any) is the parent.
   */
  parent?: SpanProtocol | SpanContextData | null;
  /** Alias of `parent` taking a span context, as in the reference's `start_span(context=)`. */
  context?: SpanContextData | null;
  attributes?: Readonly<Record<string, unknown>>;
  kind?: SpanKind;
  links?: readonly StartSpanLink[];
  /** Start time as HrTime or epoch ms; default now. */
  startTime?: HrTime | number;
}

/** Creates spans and propagates their context. */
export interface TracerProtocol {
  /** Start a span. It is not made active; see `startActiveSpan`. */
  startSpan(name: string, options?: StartSpanOptions): SpanProtocol;
  /**
   * Run `fn` with a new span active, end the span when `fn` returns or its promise settles,
   * record a thrown error or rejection on it and set status `error`.
   */
  startActiveSpan<T>(name: string, fn: (span: SpanProtocol) => T): T;
  startActiveSpan<T>(name: string, options: StartSpanOptions, fn: (span: SpanProtocol) => T): T;
  /** The span active in the current async context, if any. */
  getCurrentSpan(): SpanProtocol | undefined;
  /** Write `context` (default: the active span's) into `carrier` in the configured formats. */
  injectContext(carrier: TextMapSetterCarrier, context?: SpanContextData): void;
  /** Read a remote span context from `carrier`; undefined when absent or invalid. */
  extractContext(carrier: TextMapGetterCarrier): SpanContextData | undefined;
}

import {
  isAttributeValue,
  millisToHrTime,
  type Attributes,
  type HrTime,
  type SpanContextData,
  type SpanProtocol,
  type SpanStatus,
} from '@lexigram/monitor-core';
import {
  SpanStatusCode,
  type AttributeValue as OtelAttributeValue,
  type Span as OtelApiSpan,
} from '@opentelemetry/api';

/** Attributes as callers pass them: values of unsupported types are dropped. */
type UncheckedAttributes = Readonly<Record<string, unknown>>;
/** An {@link HrTime} or epoch milliseconds. */
type SpanTime = HrTime | number;

const STATUS: Readonly<Record<SpanStatus, SpanStatusCode>> = {
  unset: SpanStatusCode.UNSET,
  ok: SpanStatusCode.OK,
  error: SpanStatusCode.ERROR,
};

/**
 * Core's {@link SpanProtocol} over an OpenTelemetry API span, as {@link OpenTelemetryBackend}'s
 * `createSpan` returns it. Attributes of unsupported types are dropped, never thrown; the ones
 * kept are readable on `attributes`.
 */
export class OtelSpan implements SpanProtocol {
  private readonly span: OtelApiSpan;
  private currentName: string;
  private readonly kept: Record<string, OtelAttributeValue> = {};
  private done = false;

  constructor(span: OtelApiSpan, name: string) {
    this.span = span;
    this.currentName = name;
  }

  /** The OpenTelemetry span underneath. */
  get otelSpan(): OtelApiSpan {
    return this.span;
  }

  get name(): string {
    return this.currentName;
  }

  get attributes(): Attributes {
    return this.kept as Attributes;
  }

  get ended(): boolean {
    return this.done;
  }

  spanContext(): SpanContextData {
    const ctx = this.span.spanContext();
    return {
      traceId: ctx.traceId,
      spanId: ctx.spanId,
      traceFlags: ctx.traceFlags,
      ...(ctx.traceState ? { traceState: ctx.traceState.serialize() } : {}),
      ...(ctx.isRemote === undefined ? {} : { isRemote: ctx.isRemote }),
    };
  }

  setAttribute(key: string, value: unknown): this {
    if (this.done || !isAttributeValue(value)) return this;
    this.kept[key] = value as OtelAttributeValue;
    this.span.setAttribute(key, value as OtelAttributeValue);
    return this;
  }

  setAttributes(attributes: UncheckedAttributes): this {
    // One filtered call into OpenTelemetry rather than one call per attribute.
    const kept = this.done ? undefined : clean(attributes);
    if (kept) {
      Object.assign(this.kept, kept);
      this.span.setAttributes(kept);
    }
    return this;
  }

  addEvent(name: string, attributes?: UncheckedAttributes, time?: SpanTime): this {
    if (!this.done) this.span.addEvent(name, clean(attributes), toTime(time));
    return this;
  }

  recordException(error: unknown, attributes?: UncheckedAttributes): this {
    if (this.done) return this;
    const exception =
      error instanceof Error ? error : { message: String(error), name: typeof error };
    this.span.recordException(exception);
    if (attributes) this.setAttributes(attributes);
    return this;
  }

  setStatus(status: SpanStatus, message?: string): this {
    if (this.done) return this;
    this.span.setStatus({
      code: STATUS[status] ?? SpanStatusCode.UNSET,
      ...(status === 'error' && message !== undefined ? { message } : {}),
    });
    return this;
  }

  updateName(name: string): this {
    if (this.done) return this;
    this.currentName = name;
    this.span.updateName(name);
    return this;
  }

  isRecording(): boolean {
    return !this.done && this.span.isRecording();
  }

  end(endTime?: SpanTime): void {
    if (this.done) return;
    this.done = true;
    this.span.end(toTime(endTime));
  }

  finish(): void {
    this.end();
  }

  [Symbol.dispose](): void {
    this.end();
  }
}

function clean(
  attributes: UncheckedAttributes | undefined,
): Record<string, OtelAttributeValue> | undefined {
  if (!attributes || typeof attributes !== 'object') return undefined;
  const out: Record<string, OtelAttributeValue> = {};
  for (const key of Object.keys(attributes)) {
    const value = attributes[key];
    if (isAttributeValue(value)) out[key] = value as OtelAttributeValue;
  }
  return out;
}

function toTime(time: SpanTime | undefined): [number, number] | undefined {
  if (time === undefined) return undefined;
  const hr = typeof time === 'number' ? millisToHrTime(time) : time;
  return [hr[0], hr[1]];
}

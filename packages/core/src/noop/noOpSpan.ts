import type { SpanProtocol } from '../contracts/span.js';
import { isAttributeValue, type AttributeValue, type Attributes } from '../model/attributes.js';
import type { HrTime } from '../model/hrTime.js';
import type { SpanContextData } from '../model/spanData.js';
import { InertSpan } from '../internal/inertSpan.js';

/** The all-zero (invalid) span context no-op spans report. */
export const INVALID_SPAN_CONTEXT: SpanContextData = Object.freeze({
  traceId: '00000000000000000000000000000000',
  spanId: '0000000000000000',
  traceFlags: 0,
});

const EMPTY_ATTRIBUTES: Attributes = Object.freeze({});

/** Most attributes a no-op span keeps, so a long-lived one cannot grow without bound. */
const MAX_KEPT_ATTRIBUTES = 128;

/** Options of {@link NoOpSpan}. */
export interface NoOpSpanOptions {
  /** Keep attributes for introspection in tests (default true). */
  keepAttributes?: boolean;
  /** Initial attributes. */
  attributes?: Readonly<Record<string, unknown>>;
}

/**
 * A span that drops all tracing operations. It keeps its attributes (up to 128) so tests can
 * look at what code under test set; events, exceptions and status are ignored.
 *
 * {@link NOOP_SPAN} is a shared instance that keeps nothing: what the {@link NoOpTracer} hands
 * out by default, so an unconfigured tracer allocates nothing per span.
 */
export class NoOpSpan extends InertSpan implements SpanProtocol {
  readonly name: string;
  private readonly kept: Record<string, AttributeValue> | undefined;
  private endedFlag = false;

  constructor(name = 'noop', options: NoOpSpanOptions = {}) {
    super();
    this.name = name;
    this.kept =
      options.keepAttributes === false
        ? undefined
        : (Object.create(null) as Record<string, AttributeValue>);
    if (options.attributes) this.setAttributes(options.attributes);
  }

  /** Attributes kept so far (always empty on the shared instance). */
  get attributes(): Attributes {
    return this.kept ?? EMPTY_ATTRIBUTES;
  }

  /** True after `end()` (never on the shared instance). */
  get ended(): boolean {
    return this.endedFlag;
  }

  spanContext(): SpanContextData {
    return INVALID_SPAN_CONTEXT;
  }

  setAttribute(key: string, value: unknown): this {
    const kept = this.kept;
    if (kept && !this.endedFlag && isAttributeValue(value)) {
      if (key in kept || Object.keys(kept).length < MAX_KEPT_ATTRIBUTES) kept[key] = value;
    }
    return this;
  }

  setAttributes(attributes: Readonly<Record<string, unknown>>): this {
    if (this.kept) {
      for (const key of Object.keys(attributes)) this.setAttribute(key, attributes[key]);
    }
    return this;
  }

  end(_endTime?: HrTime | number): void {
    if (this.kept) this.endedFlag = true;
  }
}

/** The shared no-op span: keeps nothing, allocates nothing. */
export const NOOP_SPAN: NoOpSpan = new NoOpSpan('noop', { keepAttributes: false });

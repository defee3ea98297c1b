import type { Attributes } from './attributes.js';
import type { HrTime } from './hrTime.js';
import type { SpanKind } from './spanKind.js';
import type { SpanStatus } from './spanStatus.js';

/** W3C trace flag: the trace is sampled. */
export const TRACE_FLAG_SAMPLED = 0x01;
/** W3C Trace Context Level 2 flag: the trace id's right-most 7 bytes are random. */
export const TRACE_FLAG_RANDOM = 0x02;

/** The propagated identity of a span. */
export interface SpanContextData {
  /** 32 lowercase hex characters, not all zero. */
  readonly traceId: string;
  /** 16 lowercase hex characters, not all zero. */
  readonly spanId: string;
  /** W3C trace flags byte (bit 0 sampled, bit 1 random). */
  readonly traceFlags: number;
  /** Serialized W3C `tracestate`, if any. */
  readonly traceState?: string | undefined;
  /** True when the context was extracted from a carrier (it belongs to another process). */
  readonly isRemote?: boolean | undefined;
}

/** Status of a finished span. */
export interface SpanStatusData {
  readonly code: SpanStatus;
  /** Description, set only with `error`. */
  readonly message?: string | undefined;
}

/** A timestamped event recorded on a span. */
export interface SpanEventData {
  readonly name: string;
  readonly time: HrTime;
  readonly attributes: Attributes;
}

/** A link from a span to another span context. */
export interface SpanLinkData {
  readonly context: SpanContextData;
  readonly attributes: Attributes;
}

/** The entity producing telemetry. */
export interface ResourceData {
  /** `service.name`. */
  readonly serviceName: string;
  /** Further resource attributes (`service.version`, `deployment.environment`, ...). */
  readonly attributes: Attributes;
}

/**
 * A finished span as span processors and exporters read it. Times carry nanosecond precision
 * as {@link HrTime}.
 */
export interface ReadableSpanData {
  readonly name: string;
  readonly kind: SpanKind;
  readonly spanContext: SpanContextData;
  /** Span id of the parent, if any. */
  readonly parentSpanId?: string | undefined;
  readonly startTime: HrTime;
  /** End time; equal to `startTime` for a span that was never ended. */
  readonly endTime: HrTime;
  /** `endTime - startTime`. */
  readonly duration: HrTime;
  readonly status: SpanStatusData;
  readonly attributes: Attributes;
  readonly events: readonly SpanEventData[];
  readonly links: readonly SpanLinkData[];
  readonly resource: ResourceData;
  /** Name (and optional version) of the library that created the span. */
  readonly instrumentationScope: { readonly name: string; readonly version?: string | undefined };
  readonly droppedAttributesCount: number;
  readonly droppedEventsCount: number;
  readonly droppedLinksCount: number;
  /** True once `end()` was called. */
  readonly ended: boolean;
}

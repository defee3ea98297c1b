import {
  SpanError,
  TRACE_FLAG_RANDOM,
  TRACE_FLAG_SAMPLED,
  type SpanContextData,
} from '@lexigram/monitor-core';
import { isValidSpanId, isValidTraceId } from '../ids/randomIds.js';
import { formatTraceparent, parseTraceparent } from '../propagation/traceparent.js';
import { TraceState } from '../propagation/traceState.js';

/** The trace flags this library knows; other bits are reserved and written as zero. */
export const KNOWN_TRACE_FLAGS = TRACE_FLAG_SAMPLED | TRACE_FLAG_RANDOM;

// Set while the class builds instances from input it has already validated, so the public
// constructor can validate without the parser paying for it twice.
let trusted = false;

/**
 * The propagated identity of a span: trace id, span id, trace flags and trace state, as W3C
 * Trace Context defines them. Implements core's {@link SpanContextData}, so it can be passed
 * wherever a span context is expected (a parent, a link, `injectContext`).
 *
 * @example
 * ```ts
 * const parent = SpanContext.fromTraceparent(req.headers.traceparent, req.headers.tracestate);
 * tracer.startSpan('handle', { parent: parent ?? null });
 * ```
 */
export class SpanContext implements SpanContextData {
  /** 32 lowercase hex characters, not all zero. */
  readonly traceId: string;
  /** 16 lowercase hex characters, not all zero. */
  readonly spanId: string;
  /** Trace flags byte: bit 0 sampled, bit 1 random. */
  readonly traceFlags: number;
  /** Serialized W3C `tracestate`, if any. */
  readonly traceState: string | undefined;
  /** True when the context came from another process. */
  readonly isRemote: boolean;

  /**
   * Build a span context, validating it.
   *
   * @throws SpanError when an id is not lowercase hex of the right length, or all zero, or the
   * flags are not a byte.
   */
  constructor(
    traceId: string,
    spanId: string,
    traceFlags = 0,
    traceState?: string,
    isRemote = false,
  ) {
    if (!trusted) {
      if (!isValidTraceId(traceId)) {
        throw new SpanError(
          `Invalid trace id ${JSON.stringify(traceId)}: use 32 lowercase hex characters, not all zero.`,
        );
      }
      if (!isValidSpanId(spanId)) {
        throw new SpanError(
          `Invalid span id ${JSON.stringify(spanId)}: use 16 lowercase hex characters, not all zero.`,
        );
      }
      if (!Number.isInteger(traceFlags) || traceFlags < 0 || traceFlags > 0xff) {
        throw new SpanError(`Invalid trace flags ${traceFlags}: use an integer from 0 to 255.`);
      }
    }
    this.traceId = traceId;
    this.spanId = spanId;
    this.traceFlags = traceFlags;
    this.traceState = traceState === '' ? undefined : traceState;
    this.isRemote = isRemote;
  }

  /**
   * Parse a W3C `traceparent` header (and optionally its `tracestate` headers) into a remote
   * span context. Returns `undefined` for anything invalid (never throws): version `ff`,
   * uppercase hex, all-zero ids, wrong lengths, or a version-00 header with extra fields.
   * Future versions are read by their first four fields. An invalid `tracestate` is dropped
   * without affecting the `traceparent`.
   */
  static fromTraceparent(
    traceparent: string | null | undefined,
    tracestate?: string | readonly string[] | null,
  ): SpanContext | undefined {
    if (typeof traceparent !== 'string') return undefined;
    const parsed = parseTraceparent(traceparent);
    if (!parsed) return undefined;
    const state =
      tracestate === undefined || tracestate === null
        ? undefined
        : TraceState.normalize(tracestate);
    trusted = true;
    try {
      return new SpanContext(parsed.traceId, parsed.spanId, parsed.traceFlags, state, true);
    } finally {
      trusted = false;
    }
  }

  /** A {@link SpanContext} with the fields of `data` (validated). */
  static from(data: SpanContextData): SpanContext {
    if (data instanceof SpanContext) return data;
    return new SpanContext(
      data.traceId,
      data.spanId,
      data.traceFlags,
      data.traceState,
      data.isRemote ?? false,
    );
  }

  /** True when `context` has a valid trace id and span id. */
  static isValid(context: SpanContextData | undefined | null): boolean {
    return !!context && isValidTraceId(context.traceId) && isValidSpanId(context.spanId);
  }

  /** True when the sampled flag is set. */
  get sampled(): boolean {
    return (this.traceFlags & TRACE_FLAG_SAMPLED) !== 0;
  }

  /** True when the random flag (W3C Trace Context Level 2) is set. */
  get randomTraceId(): boolean {
    return (this.traceFlags & TRACE_FLAG_RANDOM) !== 0;
  }

  /** The `traceparent` header value (version `00`; reserved flag bits written as zero). */
  toTraceparent(): string {
    return formatTraceparent(this);
  }

  /** The same context with another trace state. */
  withTraceState(traceState: TraceState | string | undefined): SpanContext {
    const serialized = traceState instanceof TraceState ? traceState.serialize() : traceState;
    trusted = true;
    try {
      return new SpanContext(this.traceId, this.spanId, this.traceFlags, serialized, this.isRemote);
    } finally {
      trusted = false;
    }
  }

  /** The `traceparent` header value. */
  toString(): string {
    return this.toTraceparent();
  }
}

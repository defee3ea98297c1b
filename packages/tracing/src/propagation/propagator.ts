import type {
  PropagationFormat,
  SpanContextData,
  TextMapGetterCarrier,
  TextMapSetterCarrier,
} from '@lexigram/monitor-core';
import { SpanContext } from '../context/spanContext.js';
import { isValidSpanId, isValidTraceId } from '../ids/randomIds.js';
import { extractB3Multi, extractB3Single, injectB3Multi, injectB3Single } from './b3.js';
import { B3_HEADER, B3_MULTI_HEADERS } from './b3.js';
import { BAGGAGE_HEADER, Baggage } from './baggage.js';
import { headerValues, singleHeader } from './carrier.js';
import { TRACEPARENT_HEADER, TRACESTATE_HEADER, formatTraceparent } from './traceparent.js';

/**
 * Reads and writes trace context in the header formats of `TracingConfig.propagationFormats`:
 * `tracecontext` (W3C `traceparent`/`tracestate`), `baggage` (W3C Baggage), `b3` (B3 single
 * header) and `b3multi` (`X-B3-*` headers).
 *
 * Extraction tries the span-context formats in the configured order and returns the first valid
 * context; injection writes every configured format.
 */
export class Propagator {
  /** Formats in use, in order. */
  readonly formats: readonly PropagationFormat[];
  /** Header names this propagator may write (for CORS or header allow-lists). */
  readonly fields: readonly string[];
  private readonly traceContext: boolean;
  private readonly baggage: boolean;
  private readonly b3: boolean;
  private readonly b3multi: boolean;

  constructor(formats: readonly PropagationFormat[] = ['tracecontext', 'baggage']) {
    this.formats = [...new Set(formats)];
    this.traceContext = this.formats.includes('tracecontext');
    this.baggage = this.formats.includes('baggage');
    this.b3 = this.formats.includes('b3');
    this.b3multi = this.formats.includes('b3multi');
    const fields: string[] = [];
    for (const format of this.formats) {
      if (format === 'tracecontext') fields.push(TRACEPARENT_HEADER, TRACESTATE_HEADER);
      else if (format === 'baggage') fields.push(BAGGAGE_HEADER);
      else if (format === 'b3') fields.push(B3_HEADER);
      else fields.push(B3_MULTI_HEADERS.traceId, B3_MULTI_HEADERS.spanId, B3_MULTI_HEADERS.sampled);
    }
    this.fields = fields;
  }

  /**
   * Write `context` (when valid) and `baggage` (when non-empty and `baggage` is configured) into
   * `carrier`. An invalid context (such as a no-op span's all-zero one) writes nothing.
   */
  inject(
    carrier: TextMapSetterCarrier,
    context: SpanContextData | undefined,
    baggage?: Baggage,
  ): void {
    if (context && isValidTraceId(context.traceId) && isValidSpanId(context.spanId)) {
      if (this.traceContext) {
        carrier[TRACEPARENT_HEADER] = formatTraceparent(context);
        if (context.traceState) carrier[TRACESTATE_HEADER] = context.traceState;
      }
      if (this.b3) injectB3Single(carrier, context);
      if (this.b3multi) injectB3Multi(carrier, context);
    }
    if (this.baggage && baggage && baggage.size > 0) {
      const header = baggage.serialize();
      if (header) carrier[BAGGAGE_HEADER] = header;
    }
  }

  /**
   * The remote span context in `carrier`, from the first configured format that holds a valid
   * one; `undefined` otherwise. Never throws: a malformed header is ignored, so the caller
   * starts a new trace.
   */
  extract(carrier: TextMapGetterCarrier): SpanContextData | undefined {
    for (const format of this.formats) {
      let context: SpanContextData | undefined;
      if (format === 'tracecontext') context = extractTraceContext(carrier);
      else if (format === 'b3') context = extractB3Single(carrier);
      else if (format === 'b3multi') context = extractB3Multi(carrier);
      if (context) return context;
    }
    return undefined;
  }

  /** The baggage in `carrier` (empty when absent or `baggage` is not configured). */
  extractBaggage(carrier: TextMapGetterCarrier): Baggage {
    if (!this.baggage) return Baggage.parse(undefined);
    const values = headerValues(carrier, BAGGAGE_HEADER);
    return Baggage.parse(values.length === 0 ? undefined : values);
  }
}

/** W3C extraction: one `traceparent` (a repeated one is invalid) and any `tracestate` fields. */
function extractTraceContext(carrier: TextMapGetterCarrier): SpanContext | undefined {
  const traceparent = singleHeader(carrier, TRACEPARENT_HEADER);
  if (traceparent === undefined) return undefined;
  const tracestate = headerValues(carrier, TRACESTATE_HEADER);
  return SpanContext.fromTraceparent(traceparent, tracestate.length === 0 ? undefined : tracestate);
}

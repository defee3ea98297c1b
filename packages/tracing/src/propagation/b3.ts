import {
  TRACE_FLAG_SAMPLED,
  type SpanContextData,
  type TextMapGetterCarrier,
  type TextMapSetterCarrier,
} from '@lexigram/monitor-core';
import { isValidSpanId, isValidTraceId } from '../ids/randomIds.js';
import { singleHeader } from './carrier.js';

/** B3 single-header name. */
export const B3_HEADER = 'b3';
/** B3 multi-header names (lowercase, as they are written). */
export const B3_MULTI_HEADERS = {
  traceId: 'x-b3-traceid',
  spanId: 'x-b3-spanid',
  parentSpanId: 'x-b3-parentspanid',
  sampled: 'x-b3-sampled',
  flags: 'x-b3-flags',
} as const;

const PAD_64_BIT = '0000000000000000';

/** B3 allows 64-bit trace ids; W3C ids are 128-bit, so short ones are left-padded with zeros. */
function normalizeTraceId(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const full = id.length === 16 ? PAD_64_BIT + id : id;
  return isValidTraceId(full) ? full : undefined;
}

function context(traceId: string, spanId: string, sampled: boolean): SpanContextData {
  return { traceId, spanId, traceFlags: sampled ? TRACE_FLAG_SAMPLED : 0, isRemote: true };
}

/**
 * Read the B3 single header `b3: {traceId}-{spanId}[-{sampling}[-{parentSpanId}]]`. Sampling
 * `1` or `d` (debug) marks the context sampled; `0` or no sampling state leaves it unsampled.
 * A deny-only header (`b3: 0`) carries no ids and yields `undefined`. Never throws.
 */
export function extractB3Single(carrier: TextMapGetterCarrier): SpanContextData | undefined {
  const header = singleHeader(carrier, B3_HEADER)?.trim();
  if (!header) return undefined;
  const parts = header.split('-');
  if (parts.length < 2 || parts.length > 4) return undefined;
  const traceId = normalizeTraceId(parts[0]);
  const spanId = parts[1];
  if (!traceId || !isValidSpanId(spanId)) return undefined;
  const sampling = parts[2];
  if (sampling !== undefined && sampling !== '0' && sampling !== '1' && sampling !== 'd') {
    return undefined;
  }
  if (parts[3] !== undefined && !isValidSpanId(parts[3])) return undefined;
  return context(traceId, spanId, sampling === '1' || sampling === 'd');
}

/** Write the B3 single header for `ctx`. */
export function injectB3Single(carrier: TextMapSetterCarrier, ctx: SpanContextData): void {
  carrier[B3_HEADER] =
    `${ctx.traceId}-${ctx.spanId}-${(ctx.traceFlags & TRACE_FLAG_SAMPLED) !== 0 ? '1' : '0'}`;
}

/**
 * Read B3 multi headers (`X-B3-TraceId`, `X-B3-SpanId`, `X-B3-Sampled`, `X-B3-Flags`). A debug
 * flag (`X-B3-Flags: 1`) or `X-B3-Sampled` of `1`/`true` marks the context sampled.
 */
export function extractB3Multi(carrier: TextMapGetterCarrier): SpanContextData | undefined {
  const traceId = normalizeTraceId(singleHeader(carrier, B3_MULTI_HEADERS.traceId)?.trim());
  const spanId = singleHeader(carrier, B3_MULTI_HEADERS.spanId)?.trim();
  if (!traceId || !isValidSpanId(spanId)) return undefined;
  const sampled = singleHeader(carrier, B3_MULTI_HEADERS.sampled)?.trim().toLowerCase();
  const debug = singleHeader(carrier, B3_MULTI_HEADERS.flags)?.trim() === '1';
  return context(traceId, spanId, debug || sampled === '1' || sampled === 'true');
}

/** Write B3 multi headers for `ctx`. */
export function injectB3Multi(carrier: TextMapSetterCarrier, ctx: SpanContextData): void {
  carrier[B3_MULTI_HEADERS.traceId] = ctx.traceId;
  carrier[B3_MULTI_HEADERS.spanId] = ctx.spanId;
  carrier[B3_MULTI_HEADERS.sampled] = (ctx.traceFlags & TRACE_FLAG_SAMPLED) !== 0 ? '1' : '0';
}

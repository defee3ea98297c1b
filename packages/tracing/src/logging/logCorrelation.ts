import type { TraceContextIds } from '@lexigram/monitor-core';
import { activeSpan } from '../context/contextStorage.js';
import { isValidSpanId, isValidTraceId } from '../ids/randomIds.js';

/**
 * Ids of the active span, for log correlation; `undefined` outside any span (or in a no-op
 * span). Pass it to core's `createLogger({ traceContext: activeTraceIds })`.
 */
export function activeTraceIds(): TraceContextIds | undefined {
  const span = activeSpan();
  if (span === undefined) return undefined;
  const { traceId, spanId } = span.spanContext();
  return isValidTraceId(traceId) && isValidSpanId(spanId) ? { traceId, spanId } : undefined;
}

/** Fields a log line gets from the active span. */
export interface TraceLogFields {
  trace_id?: string;
  span_id?: string;
  trace_flags?: string;
}

/**
 * A pino `mixin` that adds `trace_id`, `span_id` and `trace_flags` of the active span to every
 * log line (nothing outside a span), so logs and traces join on the trace id.
 *
 * @example
 * ```ts
 * const log = pino({ mixin: traceLogMixin() });
 * tracer.startActiveSpan('work', () => log.info('inside')); // {"trace_id":"…","span_id":"…",…}
 * ```
 */
export function traceLogMixin(): () => TraceLogFields {
  return () => {
    const span = activeSpan();
    if (span === undefined) return {};
    const { traceId, spanId, traceFlags } = span.spanContext();
    if (!isValidTraceId(traceId) || !isValidSpanId(spanId)) return {};
    return {
      trace_id: traceId,
      span_id: spanId,
      trace_flags: traceFlags.toString(16).padStart(2, '0'),
    };
  };
}

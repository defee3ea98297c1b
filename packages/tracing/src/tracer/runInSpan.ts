import { SpanStatus, type SpanProtocol } from '@lexigram/monitor-core';
import { callAndSettle } from '@lexigram/monitor-core/internal';
import { runWithSpan } from '../context/contextStorage.js';
import { errorMessage } from '../span/exception.js';

/** Record `error` on `span` as an `exception` event and set status `error`. */
export function failSpan(span: SpanProtocol, error: unknown): void {
  span.recordException(error);
  span.setStatus(SpanStatus.Error, errorMessage(error));
}

/**
 * Run `fn(span)` with `span` active and end the span when `fn` returns, or when the promise it
 * returns settles. A throw or rejection is recorded on the span (an `exception` event, status
 * `error`) and rethrown unchanged.
 */
export function runInSpan<T>(span: SpanProtocol, fn: (span: SpanProtocol) => T): T {
  return callAndSettle(
    () => runWithSpan(span, fn, span),
    (settled) => {
      if (!settled.ok) failSpan(span, settled.error);
      span.end();
    },
    { component: 'tracing.runInSpan' },
  );
}

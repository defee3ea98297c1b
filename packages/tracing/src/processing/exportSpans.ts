import type { ReadableSpanData, SpanExporter } from '@lexigram/monitor-core';
import { SpanExportError } from '@lexigram/monitor-core';
import { isPromiseLike, withTimeout } from '@lexigram/monitor-core/internal';

/**
 * Hand `spans` to `exporter`, waiting at most `timeoutMs`. Returns `null` when a synchronous
 * exporter finished without error (no promise is made), otherwise a promise that resolves on
 * success and rejects with a {@link SpanExportError} (the exporter's error as `cause`) when the
 * exporter throws, rejects or takes too long. The timeout timer never keeps the process alive.
 */
export function exportSpans(
  exporter: SpanExporter,
  spans: readonly ReadableSpanData[],
  timeoutMs: number,
): Promise<void> | null {
  let result: Promise<void> | void;
  try {
    result = exporter.export(spans);
  } catch (error) {
    return Promise.reject(failure(error, spans.length));
  }
  if (!isPromiseLike(result)) return null;
  return withTimeout(result, timeoutMs).then((outcome) => {
    if (outcome.status === 'fulfilled') return;
    throw outcome.status === 'rejected'
      ? failure(outcome.reason, spans.length)
      : new SpanExportError(
          `Span export of ${spans.length} spans timed out after ${timeoutMs} ms: check that the exporter's backend is reachable, or raise exportTimeoutMs.`,
        );
  });
}

function failure(error: unknown, count: number): SpanExportError {
  const message = error instanceof Error ? error.message : String(error);
  return new SpanExportError(`Span exporter failed on a batch of ${count} spans: ${message}`, {
    cause: error,
  });
}

import type { ReadableSpanData, SpanExporter } from '@lexigram/monitor-core';
import { SpanExportError } from '@lexigram/monitor-core';

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
  if (!isThenable(result)) return null;
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new SpanExportError(
          `Span export of ${spans.length} spans timed out after ${timeoutMs} ms: check that the exporter's backend is reachable, or raise exportTimeoutMs.`,
        ),
      );
    }, timeoutMs);
    timer.unref();
    Promise.resolve(result).then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(failure(error, spans.length));
      },
    );
  });
}

function failure(error: unknown, count: number): SpanExportError {
  const message = error instanceof Error ? error.message : String(error);
  return new SpanExportError(`Span exporter failed on a batch of ${count} spans: ${message}`, {
    cause: error,
  });
}

function isThenable(value: unknown): value is PromiseLike<void> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

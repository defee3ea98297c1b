import { MonitorError } from '@lexigram/monitor-core';

/**
 * A span exporter failed or timed out. Span processors never throw it into the application:
 * they count it and hand it to their `onError` handler.
 */
export class SpanExportError extends MonitorError {
  static override readonly code: string = 'SPAN_EXPORT_FAILED';
}

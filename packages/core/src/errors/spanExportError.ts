import type { MonitorErrorCode } from './errorCodes.js';
import { MonitorError } from './monitorError.js';

/**
 * A span exporter failed or timed out. Span processors never throw it into the application:
 * they count it and hand it to their `onError` handler.
 */
export class SpanExportError extends MonitorError {
  static override readonly code: MonitorErrorCode = 'SPAN_EXPORT_FAILED';
}

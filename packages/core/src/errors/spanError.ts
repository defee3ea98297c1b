import type { MonitorErrorCode } from './errorCodes.js';
import { MonitorError } from './monitorError.js';

/** A span or span context was used incorrectly. */
export class SpanError extends MonitorError {
  static override readonly code: MonitorErrorCode = 'SPAN_ERROR';
}

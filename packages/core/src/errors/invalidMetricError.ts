import type { MonitorErrorCode } from './errorCodes.js';
import { MonitorError } from './monitorError.js';

/** Metric parameters are invalid: a bad name, label, value or bucket layout. */
export class InvalidMetricError extends MonitorError {
  static override readonly code: MonitorErrorCode = 'INVALID_METRIC';
}

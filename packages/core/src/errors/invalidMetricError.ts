import { MonitorError } from './monitorError.js';

/** Metric parameters are invalid: a bad name, label, value or bucket layout. */
export class InvalidMetricError extends MonitorError {
  static override readonly code: string = 'INVALID_METRIC';
}

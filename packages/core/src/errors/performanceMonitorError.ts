import type { MonitorErrorCode } from './errorCodes.js';
import { MonitorError } from './monitorError.js';

/** Performance monitoring failed or was used in the wrong state. */
export class PerformanceMonitorError extends MonitorError {
  static override readonly code: MonitorErrorCode = 'PERFORMANCE_MONITOR_ERROR';
}

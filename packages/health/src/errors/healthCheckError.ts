import { MonitorError, type MonitorErrorCode } from '@lexigram/monitor-core';

/**
 * Base class of the errors `@lexigram/monitor-health` throws. Catch it to handle every health
 * error at once; branch on `code` for the specific case.
 */
export class HealthCheckError extends MonitorError {
  static override readonly code: MonitorErrorCode = 'HEALTH_CHECK_ERROR';
}

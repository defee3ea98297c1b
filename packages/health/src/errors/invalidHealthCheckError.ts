import { HealthCheckError } from './healthCheckError.js';
import type { MonitorErrorCode } from '@lexigram/monitor-core';

/**
 * A check or its options cannot be used: an empty name, something that is neither a function nor
 * an object with `check()`, a function given to `register` without a `markHealthCheck` mark, a bad
 * timeout or category.
 */
export class InvalidHealthCheckError extends HealthCheckError {
  static override readonly code: MonitorErrorCode = 'INVALID_HEALTH_CHECK';
}

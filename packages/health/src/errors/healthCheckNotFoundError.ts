import type { MonitorErrorCode, MonitorErrorOptions } from '@lexigram/monitor-core';
import { HealthCheckError } from './healthCheckError.js';

/** A check was looked up (removed, queried) by a name that is not registered. */
export class HealthCheckNotFoundError extends HealthCheckError {
  static override readonly code: MonitorErrorCode = 'HEALTH_CHECK_NOT_FOUND';

  /** The name that was looked up. */
  readonly checkName: string;

  constructor(checkName: string, known: readonly string[] = [], options: MonitorErrorOptions = {}) {
    const list = known.length === 0 ? 'none are registered' : `registered: ${known.join(', ')}`;
    super(
      `No health check named "${checkName}" (${list}): check the name, or use has() before remove().`,
      options,
    );
    this.checkName = checkName;
  }
}

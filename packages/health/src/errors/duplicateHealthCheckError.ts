import type { MonitorErrorCode, MonitorErrorOptions } from '@lexigram/monitor-core';
import { HealthCheckError } from './healthCheckError.js';

/** A check was added under a name that is already registered. */
export class DuplicateHealthCheckError extends HealthCheckError {
  static override readonly code: MonitorErrorCode = 'DUPLICATE_HEALTH_CHECK';

  /** The name that is already taken. */
  readonly checkName: string;

  constructor(checkName: string, options: MonitorErrorOptions = {}) {
    super(
      `A health check named "${checkName}" is already registered: pick another name, or remove("${checkName}") first to replace it.`,
      options,
    );
    this.checkName = checkName;
  }
}

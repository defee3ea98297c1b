import type { HealthReport, HealthStatus } from '@lexigram/monitor-core';
import type { HealthCheckResult } from '../result/healthCheckResult.js';

/**
 * Core's {@link HealthReport} with {@link HealthCheckResult} objects (so `isHealthy`, `toJSON`
 * are at hand): the aggregate status and the result of every check that ran.
 */
export interface HealthCheckReport extends HealthReport {
  /** The aggregate status. */
  readonly status: HealthStatus;
  /** The result of each check, by name. */
  readonly checks: Readonly<Record<string, HealthCheckResult>>;
}

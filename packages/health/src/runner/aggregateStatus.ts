import { HealthStatus, type HealthCheckResultData } from '@lexigram/monitor-core';

/**
 * The overall status of a set of results:
 *
 * - HEALTHY only when every result is healthy (an empty set is healthy);
 * - UNHEALTHY when a critical check is unhealthy;
 * - DEGRADED otherwise, i.e. some check is degraded, or only non-critical checks are unhealthy.
 *
 * `isCritical` says which checks are critical; by default every check is.
 *
 * @example
 * ```ts
 * aggregateHealthStatus({ db: unhealthy, cache: healthy }, (name) => name !== 'cache');
 * ```
 */
export function aggregateHealthStatus(
  results: Readonly<Record<string, HealthCheckResultData>>,
  isCritical: (name: string) => boolean = () => true,
): HealthStatus {
  let status: HealthStatus = HealthStatus.Healthy;
  for (const name of Object.keys(results)) {
    const result = results[name]!;
    if (result.status === HealthStatus.Healthy) continue;
    // Anything neither healthy nor degraded (unhealthy, or a malformed status) counts as failing.
    if (result.status !== HealthStatus.Degraded && isCritical(name)) {
      return HealthStatus.Unhealthy;
    }
    status = HealthStatus.Degraded;
  }
  return status;
}

import { HealthStatus, type HealthReport } from '@lexigram/monitor-core';
import { HealthCheckResult } from '../result/healthCheckResult.js';

/** One result that sums up a report (used by registries and cached checkers for `check()`). */
export function summarizeReport(report: HealthReport, durationMs: number): HealthCheckResult {
  const counts: Record<HealthStatus, number> = { healthy: 0, degraded: 0, unhealthy: 0 };
  const entries = Object.entries(report.checks);
  for (const [, result] of entries) {
    if (result.status in counts) counts[result.status]++;
  }
  const statuses = Object.fromEntries(entries.map(([name, result]) => [name, result.status]));
  const total = entries.length;
  const message =
    total === 0
      ? 'no health checks registered'
      : `${total} check${total === 1 ? '' : 's'}: ${counts.healthy} ${HealthStatus.Healthy}, ${counts.degraded} ${HealthStatus.Degraded}, ${counts.unhealthy} ${HealthStatus.Unhealthy}`;
  return new HealthCheckResult({
    status: report.status,
    message,
    details: { checks: statuses },
    durationMs: Math.round(durationMs * 1000) / 1000,
  });
}

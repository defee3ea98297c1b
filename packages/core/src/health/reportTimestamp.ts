import type { HealthReport } from '../model/healthCheckResult.js';

/** When a report was produced: its latest check's finish time, or now for an empty report. */
export function reportTimestamp(report: HealthReport): number {
  let latest = 0;
  for (const result of Object.values(report.checks)) {
    if (result.timestamp > latest) latest = result.timestamp;
  }
  return latest > 0 ? latest : Date.now();
}

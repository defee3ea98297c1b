import type { AlertSeverity } from '@lexigram/monitor-core';

/** Log level an alert of `severity` is written at. */
export type AlertLogLevel = 'warn' | 'error';

const ERROR_SEVERITIES = new Set(['high', 'critical', 'error', 'fatal', 'page']);

/**
 * The reference's rule: `low` and `medium` at warn, `high` and `critical` at error. Other strings
 * (the contract accepts any) go to error when they plainly mean it (`error`, `fatal`, `page`),
 * otherwise to warn; case does not matter.
 */
export function severityLogLevel(severity: AlertSeverity): AlertLogLevel {
  return ERROR_SEVERITIES.has(String(severity).toLowerCase()) ? 'error' : 'warn';
}

/**
 * How far `currentValue` is from `threshold`, as a fraction of the threshold: 0.5 is a 50 %
 * breach, 1 is 100 %. Measured as the distance either way, so it also fits "lower is worse"
 * metrics such as availability. A zero threshold breached by any non-zero value is infinite.
 */
export function breachRatio(currentValue: number, threshold: number): number {
  const distance = Math.abs(currentValue - threshold);
  if (threshold === 0) return distance === 0 ? 0 : Number.POSITIVE_INFINITY;
  return distance / Math.abs(threshold);
}

/**
 * Severity of a metric-threshold alert, by the reference's rule for the log level: a breach of
 * more than 100 % of the threshold is `high` (logged at error), anything less `medium` (warn).
 */
export function metricAlertSeverity(currentValue: number, threshold: number): AlertSeverity {
  return breachRatio(currentValue, threshold) > 1 ? 'high' : 'medium';
}

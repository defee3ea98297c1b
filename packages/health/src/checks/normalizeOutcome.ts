import { HealthStatus } from '@lexigram/monitor-core';
import { describeValue, isPlainObject } from '@lexigram/monitor-core/internal';
import { isHealthStatus } from '../internal/healthStatusValues.js';
import { HealthCheckResult } from '../result/healthCheckResult.js';

const HINT = 'return true/false, an object or a HealthCheckResult';
// Keys that carry the verdict itself; everything else on a returned object is a detail.
const RESERVED = new Set(['status', 'healthy', 'message', 'details', 'durationMs', 'timestamp']);

/**
 * Turn whatever a check returned into a {@link HealthCheckResult}:
 *
 * - `true` → healthy, `false` → unhealthy;
 * - a `HealthCheckResult` (or any object whose `status` is a {@link HealthStatus}) → that status,
 *   with its `message` and `details` (other keys become details);
 * - an object with a boolean `healthy` → healthy / unhealthy, other keys as above;
 * - any other plain object → healthy, the object being the details;
 * - anything else (undefined, numbers, strings, arrays, an unknown status, ...) → unhealthy with a
 *   message saying what was returned.
 */
export function normalizeOutcome(value: unknown): HealthCheckResult {
  if (value instanceof HealthCheckResult) return value;
  if (value === true) return HealthCheckResult.healthy();
  if (value === false) return HealthCheckResult.unhealthy('check returned false');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return HealthCheckResult.unhealthy(`check returned ${describeValue(value)}; ${HINT}`);
  }
  const record = value as Record<string, unknown>;
  if ('status' in record) {
    const status = record.status;
    if (!isHealthStatus(status)) {
      return HealthCheckResult.unhealthy(
        `check returned an object with unknown status ${describeValue(status)}; use 'healthy', 'degraded' or 'unhealthy'`,
      );
    }
    return fromRecord(status, record);
  }
  if ('healthy' in record) {
    const healthy = record.healthy;
    if (typeof healthy !== 'boolean') {
      return HealthCheckResult.unhealthy(
        `check returned an object whose "healthy" is ${describeValue(healthy)}, not a boolean`,
      );
    }
    return fromRecord(healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy, record);
  }
  if (!isPlainObject(record)) {
    return HealthCheckResult.unhealthy(`check returned ${describeValue(value)}; ${HINT}`);
  }
  const keys = Object.keys(record);
  return new HealthCheckResult({
    status: HealthStatus.Healthy,
    details: keys.length === 0 ? undefined : { ...record },
  });
}

function fromRecord(status: HealthStatus, record: Record<string, unknown>): HealthCheckResult {
  const message = typeof record.message === 'string' ? record.message : undefined;
  let details: Record<string, unknown> | undefined;
  if (isPlainObject(record.details)) {
    details = record.details;
  } else {
    for (const key of Object.keys(record)) {
      if (RESERVED.has(key)) continue;
      details ??= {};
      details[key] = record[key];
    }
  }
  return new HealthCheckResult({ status, message, details });
}

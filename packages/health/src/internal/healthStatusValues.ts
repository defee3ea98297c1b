import { HealthCheckCategory, HealthStatus } from '@lexigram/monitor-core';

const STATUSES: ReadonlySet<unknown> = new Set(Object.values(HealthStatus));
const CATEGORIES: ReadonlySet<unknown> = new Set(Object.values(HealthCheckCategory));

/** True when `value` is one of `'healthy' | 'degraded' | 'unhealthy'`. */
export function isHealthStatus(value: unknown): value is HealthStatus {
  return STATUSES.has(value);
}

/** True when `value` is one of `'liveness' | 'readiness' | 'startup'`. */
export function isHealthCheckCategory(value: unknown): value is HealthCheckCategory {
  return CATEGORIES.has(value);
}

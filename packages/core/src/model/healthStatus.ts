/**
 * Unified health status. Use the constants (`HealthStatus.Healthy`) or the string values
 * (`'healthy'`); both type-check as `HealthStatus`.
 */
export const HealthStatus = {
  Healthy: 'healthy',
  Degraded: 'degraded',
  Unhealthy: 'unhealthy',
} as const;

/** One of `'healthy' | 'degraded' | 'unhealthy'`. */
export type HealthStatus = (typeof HealthStatus)[keyof typeof HealthStatus];

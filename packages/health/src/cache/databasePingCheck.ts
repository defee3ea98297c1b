import { type HealthCheckFunction } from '@lexigram/monitor-core';
import { HealthCheckResult } from '../result/healthCheckResult.js';

/**
 * A database client a health check can ping: anything with `ping()` (preferred) or
 * `query(sql)`. Duck-typed, so no database library is a dependency.
 */
export interface DatabasePingProvider {
  /** Resolves when the database answers; resolving `false` means it did not. */
  ping?(): unknown;
  /** Runs `SELECT 1`; resolving means the database answered. */
  query?(sql: string): unknown;
}

/** True when `provider` can be pinged (has `ping()` or `query(sql)`). */
export function isDatabasePingProvider(provider: unknown): provider is DatabasePingProvider {
  if ((typeof provider !== 'object' && typeof provider !== 'function') || provider === null) {
    return false;
  }
  const p = provider as DatabasePingProvider;
  return typeof p.ping === 'function' || typeof p.query === 'function';
}

/**
 * A check that pings a database through `provider.ping()`, or `provider.query('SELECT 1')` when
 * it has no `ping`. It is healthy when the call resolves (to anything but `false`); a throw or a
 * rejection makes it unhealthy with the error's message.
 */
export function databasePingCheck(provider: DatabasePingProvider): HealthCheckFunction {
  return async () => {
    if (typeof provider.ping === 'function') {
      const answer: unknown = await provider.ping();
      return answer === false
        ? HealthCheckResult.unhealthy('database ping returned false', { method: 'ping' })
        : HealthCheckResult.healthy('database ping succeeded', { method: 'ping' });
    }
    await provider.query!('SELECT 1');
    return HealthCheckResult.healthy('database answered SELECT 1', { method: 'query' });
  };
}

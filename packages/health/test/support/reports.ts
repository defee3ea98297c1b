import type { HealthReport } from '@lexigram/monitor-core';
import { HealthCheckResult } from '@lexigram/monitor-health';

export const T = Date.UTC(2026, 0, 2, 3, 4, 5, 678);

/** A report with one check of each status (search is non-critical, so the whole is degraded). */
export function degradedReport(): HealthReport {
  return {
    status: 'degraded',
    checks: {
      db: new HealthCheckResult({
        status: 'healthy',
        details: { pool: 4 },
        durationMs: 2.5,
        timestamp: T,
      }),
      queue: new HealthCheckResult({
        status: 'degraded',
        message: 'backlog of 900',
        durationMs: 1,
        timestamp: T - 10,
      }),
      search: new HealthCheckResult({
        status: 'unhealthy',
        message: `check rejected with Error: ECONNREFUSED\n    at Socket.connect (net.js:1:1)`,
        details: { error: new Error('ECONNREFUSED'), stack: 'secret frames' },
        durationMs: 30,
        timestamp: T - 20,
      }),
    },
  };
}

/** A failing report. */
export function unhealthyReport(): HealthReport {
  return {
    status: 'unhealthy',
    checks: {
      db: new HealthCheckResult({ status: 'unhealthy', durationMs: 5, timestamp: T }),
    },
  };
}

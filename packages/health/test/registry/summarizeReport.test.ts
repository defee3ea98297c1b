import { HealthCheckResult } from '@lexigram/monitor-health';
import { summarizeReport } from '../../src/registry/summarizeReport.js';

describe('summarizeReport', () => {
  it('counts checks by status and keeps the aggregate', () => {
    const r = summarizeReport(
      { status: 'healthy', checks: { only: HealthCheckResult.healthy() } },
      1.23456,
    );
    expect(r.status).toBe('healthy');
    expect(r.message).toBe('1 check: 1 healthy, 0 degraded, 0 unhealthy');
    expect(r.details).toEqual({ checks: { only: 'healthy' } });
    expect(r.durationMs).toBe(1.235);
  });
});

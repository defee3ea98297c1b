import { HealthCheckResult, aggregateHealthStatus } from '@lexigram/monitor-health';

const healthy = HealthCheckResult.healthy();
const degraded = HealthCheckResult.degraded();
const unhealthy = HealthCheckResult.unhealthy();

describe('aggregateHealthStatus', () => {
  it('is healthy only when every check is healthy (and for no checks)', () => {
    expect(aggregateHealthStatus({})).toBe('healthy');
    expect(aggregateHealthStatus({ a: healthy, b: healthy })).toBe('healthy');
  });

  it('is degraded when one is degraded and none unhealthy', () => {
    expect(aggregateHealthStatus({ a: healthy, b: degraded })).toBe('degraded');
  });

  it('is unhealthy when a critical check is unhealthy, even next to degraded ones', () => {
    expect(aggregateHealthStatus({ a: degraded, b: unhealthy })).toBe('unhealthy');
    expect(aggregateHealthStatus({ a: unhealthy, b: degraded })).toBe('unhealthy');
  });

  it('is degraded, not unhealthy, when only non-critical checks fail', () => {
    const critical = (name: string): boolean => name !== 'search';
    expect(aggregateHealthStatus({ db: healthy, search: unhealthy }, critical)).toBe('degraded');
    expect(aggregateHealthStatus({ db: unhealthy, search: unhealthy }, critical)).toBe('unhealthy');
  });

  it('counts a malformed status as failing', () => {
    const weird = { status: 'broken', durationMs: 0, timestamp: 0 } as never;
    expect(aggregateHealthStatus({ a: weird })).toBe('unhealthy');
    expect(aggregateHealthStatus({ a: weird }, () => false)).toBe('degraded');
  });
});

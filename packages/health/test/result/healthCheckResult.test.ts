import { HealthStatus } from '@lexigram/monitor-core';
import { HealthCheckResult, InvalidHealthCheckError } from '@lexigram/monitor-health';

describe('HealthCheckResult', () => {
  it('holds status, message, details, duration and timestamp', () => {
    const r = new HealthCheckResult({
      status: HealthStatus.Degraded,
      message: 'slow',
      details: { p99Ms: 900 },
      durationMs: 12.5,
      timestamp: 1_700_000_000_000,
    });
    expect(r.status).toBe('degraded');
    expect(r.message).toBe('slow');
    expect(r.details).toEqual({ p99Ms: 900 });
    expect(r.durationMs).toBe(12.5);
    expect(r.timestamp).toBe(1_700_000_000_000);
    expect(r.isDegraded).toBe(true);
    expect(r.isHealthy).toBe(false);
    expect(r.isUnhealthy).toBe(false);
  });

  it('defaults to 0 ms and now', () => {
    const before = Date.now();
    const r = HealthCheckResult.healthy();
    expect(r.durationMs).toBe(0);
    expect(r.timestamp).toBeGreaterThanOrEqual(before);
    expect(r.timestamp).toBeLessThanOrEqual(Date.now());
  });

  it('has factories for each status', () => {
    expect(HealthCheckResult.healthy('ok').isHealthy).toBe(true);
    expect(HealthCheckResult.degraded('meh', { a: 1 }).details).toEqual({ a: 1 });
    const bad = HealthCheckResult.unhealthy('down');
    expect(bad.isUnhealthy).toBe(true);
    expect(bad.message).toBe('down');
  });

  it('toJSON gives the plain data and omits unset fields', () => {
    const r = new HealthCheckResult({ status: 'healthy', durationMs: 1, timestamp: 5 });
    expect(r.toJSON()).toEqual({ status: 'healthy', durationMs: 1, timestamp: 5 });
    expect(Object.keys(r.toJSON())).toEqual(['status', 'durationMs', 'timestamp']);
    const full = new HealthCheckResult({
      status: 'unhealthy',
      message: 'm',
      details: { x: 1 },
      durationMs: 2,
      timestamp: 6,
    });
    expect(Object.keys(full.toJSON())).toEqual([
      'status',
      'message',
      'details',
      'durationMs',
      'timestamp',
    ]);
    expect(JSON.parse(JSON.stringify(full))).toEqual({
      status: 'unhealthy',
      message: 'm',
      details: { x: 1 },
      durationMs: 2,
      timestamp: 6,
    });
  });

  it('withTiming returns a copy with the measured duration', () => {
    const r = HealthCheckResult.degraded('m', { k: 'v' });
    const timed = r.withTiming(42, 99);
    expect(timed).not.toBe(r);
    expect(timed.toJSON()).toEqual({
      status: 'degraded',
      message: 'm',
      details: { k: 'v' },
      durationMs: 42,
      timestamp: 99,
    });
    expect(r.durationMs).toBe(0);
  });

  it('from() keeps instances and wraps plain data', () => {
    const r = HealthCheckResult.healthy();
    expect(HealthCheckResult.from(r)).toBe(r);
    const wrapped = HealthCheckResult.from({ status: 'unhealthy', durationMs: 3, timestamp: 4 });
    expect(wrapped).toBeInstanceOf(HealthCheckResult);
    expect(wrapped.isUnhealthy).toBe(true);
  });

  it('rejects an unknown status', () => {
    expect(() => new HealthCheckResult({ status: 'ok' as never })).toThrow(InvalidHealthCheckError);
    expect(() => new HealthCheckResult({ status: 'ok' as never })).toThrow(/a string \("ok"\)/);
  });
});

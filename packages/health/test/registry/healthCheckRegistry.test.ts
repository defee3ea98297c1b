import {
  NOOP_HEALTH_CHECK_REGISTRY,
  createHookBus,
  type HealthCheckRegistryProtocol,
} from '@lexigram/monitor-core';
import {
  DuplicateHealthCheckError,
  HealthCheckNotFoundError,
  HealthCheckRegistry,
  HealthChecker,
  InvalidHealthCheckError,
  markHealthCheck,
} from '@lexigram/monitor-health';

function registry(): HealthCheckRegistry {
  return new HealthCheckRegistry({ hooks: createHookBus() });
}

describe('HealthCheckRegistry', () => {
  it('implements core’s HealthCheckRegistryProtocol like the no-op does', async () => {
    const implementations: HealthCheckRegistryProtocol[] = [registry(), NOOP_HEALTH_CHECK_REGISTRY];
    for (const r of implementations) {
      r.add('db', () => true, { timeoutMs: 100, critical: true });
      expect((await r.runAll()).status).toBe('healthy');
    }
  });

  it('tracks liveness, readiness and startup membership; no category means readiness', () => {
    const r = registry();
    r.add('process', () => true, { category: 'liveness' });
    r.add('db', () => true);
    r.add('search', () => true, { category: 'readiness', critical: false });
    r.add('migrations', () => true, { category: 'startup' });
    expect(r.livenessChecks).toEqual(['process']);
    expect(r.readinessChecks).toEqual(['db', 'search']);
    expect(r.startupChecks).toEqual(['migrations']);
    expect(r.names).toEqual(['db', 'migrations', 'process', 'search']);
    expect(r.checker).toBeInstanceOf(HealthChecker);
  });

  it('keeps the critical flag (default true)', () => {
    const r = registry();
    r.add('db', () => true);
    r.add('search', () => true, { critical: false });
    expect(r.isCritical('db')).toBe(true);
    expect(r.isCritical('search')).toBe(false);
    expect(() => r.isCritical('nope')).toThrow(HealthCheckNotFoundError);
  });

  it('has, register, remove and duplicate errors', () => {
    const r = registry();
    r.add('db', () => true);
    r.register(markHealthCheck('cache', { category: 'liveness' })(() => true));
    expect(r.livenessChecks).toEqual(['cache']);
    expect(() => r.register(() => true)).toThrow(InvalidHealthCheckError);
    expect(() => r.add('db', () => true)).toThrow(DuplicateHealthCheckError);
    expect(r.has('db')).toBe(true);
    r.remove('db');
    expect(r.has('db')).toBe(false);
    expect(r.readinessChecks).toEqual([]);
    expect(() => r.remove('db')).toThrow(HealthCheckNotFoundError);
  });

  it('runs each probe and degrades on a non-critical failure', async () => {
    const r = registry();
    r.add('process', () => true, { category: 'liveness' });
    r.add('db', () => true);
    r.add('search', () => false, { critical: false });
    r.add('migrations', () => false, { category: 'startup' });
    const ready = await r.runReadiness();
    expect(ready.status).toBe('degraded');
    expect(Object.keys(ready.checks)).toEqual(['db', 'search']);
    expect((await r.runLiveness()).status).toBe('healthy');
    expect((await r.runStartup()).status).toBe('unhealthy');
    expect((await r.runAll()).status).toBe('unhealthy');
  });

  it('check() sums the registry up as one result', async () => {
    const r = registry();
    expect((await r.check()).message).toBe('no health checks registered');
    r.add('a', () => true);
    r.add('b', () => ({ status: 'degraded' }));
    r.add('c', () => false, { critical: false });
    const own = await r.check();
    expect(own.status).toBe('degraded');
    expect(own.message).toBe('3 checks: 1 healthy, 1 degraded, 1 unhealthy');
    expect(own.details).toEqual({ checks: { a: 'healthy', b: 'degraded', c: 'unhealthy' } });
    expect(own.durationMs).toBeGreaterThanOrEqual(0);
  });
});

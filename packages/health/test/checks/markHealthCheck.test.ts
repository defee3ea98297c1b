import {
  HealthChecker,
  InvalidHealthCheckError,
  getHealthCheckMark,
  markHealthCheck,
} from '@lexigram/monitor-health';
import { createHookBus } from '@lexigram/monitor-core';

class CacheService {
  ready = true;
  calls = 0;

  @markHealthCheck('cache', { critical: false, category: 'readiness' })
  async checkCache(): Promise<boolean> {
    this.calls++;
    return this.ready;
  }

  @markHealthCheck('static-config')
  static checkConfig(): boolean {
    return true;
  }

  @markHealthCheck('private')
  #hidden(): boolean {
    return true;
  }

  callHidden(): boolean {
    return this.#hidden();
  }
}

describe('markHealthCheck', () => {
  it('marks a plain function and returns it unchanged', () => {
    const fn = async (): Promise<boolean> => true;
    const marked = markHealthCheck('database', { timeoutMs: 50 })(fn);
    expect(marked).toBe(fn);
    expect(getHealthCheckMark(marked)).toEqual({ name: 'database', options: { timeoutMs: 50 } });
    expect(getHealthCheckMark(() => true)).toBeUndefined();
    expect(getHealthCheckMark('x')).toBeUndefined();
  });

  it('decorates methods so each instance has a bound, marked copy', async () => {
    const a = new CacheService();
    const b = new CacheService();
    b.ready = false;
    expect(getHealthCheckMark(a.checkCache)?.name).toBe('cache');
    expect(a.checkCache).not.toBe(b.checkCache);
    const detached = b.checkCache;
    await expect(detached()).resolves.toBe(false);
    expect(b.calls).toBe(1);
    expect(a.calls).toBe(0);
  });

  it('lets register() use a decorated method with its options', async () => {
    const service = new CacheService();
    service.ready = false;
    const checker = new HealthChecker({ hooks: createHookBus() });
    checker.register(service.checkCache);
    checker.register(CacheService.checkConfig);
    expect(checker.names).toEqual(['cache', 'static-config']);
    expect(checker.describe('cache')).toMatchObject({ critical: false, category: 'readiness' });
    const report = await checker.runWithStatus();
    expect(report.checks.cache!.status).toBe('unhealthy');
    expect(report.status).toBe('degraded'); // non-critical failure
    expect(service.calls).toBe(1);
  });

  it('works on private methods without breaking them', () => {
    expect(new CacheService().callHidden()).toBe(true);
  });

  it('rejects a bad name, bad options and non-functions', () => {
    expect(() => markHealthCheck('')).toThrow(InvalidHealthCheckError);
    expect(() => markHealthCheck('x', { timeoutMs: 0 })).toThrow(/timeoutMs/);
    // Called the way untyped (JavaScript) code could call it.
    const decorate: unknown = markHealthCheck('x');
    const loose = decorate as (v: unknown, c?: unknown) => unknown;
    expect(() => loose(42)).toThrow(/decorates a function or a method, got a number \(42\)/);
    expect(() => loose(() => true, { kind: 'field' })).toThrow(/decorates methods, not a field/);
  });
});

describe('deprecated aliases', () => {
  it('healthChecker is markHealthCheck, HealthCheckerRegistry is CachedHealthCheckerRegistry', async () => {
    const health = await import('@lexigram/monitor-health');
    expect(health.healthChecker).toBe(health.markHealthCheck);
    expect(health.HealthCheckerRegistry).toBe(health.CachedHealthCheckerRegistry);
  });
});

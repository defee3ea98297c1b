import { MonitorConfigError, createHookBus } from '@lexigram/monitor-core';
import { CachedHealthChecker, CachedHealthCheckerRegistry } from '@lexigram/monitor-health';

describe('CachedHealthCheckerRegistry', () => {
  it('returns the same instance per key; later options are ignored', async () => {
    const registry = new CachedHealthCheckerRegistry();
    const api = registry.getOrCreate('api', { cacheTtlMs: 1234, hooks: createHookBus() });
    expect(api).toBeInstanceOf(CachedHealthChecker);
    expect(registry.getOrCreate('api', { cacheTtlMs: 1 })).toBe(api);
    expect(api.cacheTtlMs).toBe(1234);
    expect(registry.getOrCreate('worker')).not.toBe(api);
    await registry.cleanup();
  });

  it("uses 'default' when no key is given", async () => {
    const registry = new CachedHealthCheckerRegistry();
    const checker = registry.getOrCreate();
    expect(registry.get('default')).toBe(checker);
    expect(registry.get('missing')).toBeUndefined();
    await registry.cleanup();
  });

  it('all() is a copy', async () => {
    const registry = new CachedHealthCheckerRegistry();
    const a = registry.getOrCreate('a');
    const all = registry.all();
    expect([...all.entries()]).toEqual([['a', a]]);
    all.delete('a');
    all.set('b', a);
    expect(registry.get('a')).toBe(a);
    expect(registry.get('b')).toBeUndefined();
    expect(registry.size).toBe(1);
    await registry.cleanup();
  });

  it('rejects an empty key', () => {
    expect(() => new CachedHealthCheckerRegistry().getOrCreate('')).toThrow(MonitorConfigError);
  });

  it('cleanup() stops every refresh, empties the registry and is safe twice', async () => {
    const registry = new CachedHealthCheckerRegistry();
    const runs = { a: 0, b: 0 };
    const a = registry.getOrCreate('a', { hooks: createHookBus() });
    const b = registry.getOrCreate('b', { hooks: createHookBus() });
    a.add('x', () => ++runs.a > 0);
    b.add('x', () => ++runs.b > 0);
    jest.useFakeTimers();
    try {
      a.startBackgroundRefresh(10);
      b.startBackgroundRefresh(10);
      await jest.advanceTimersByTimeAsync(40);
      expect(runs).toEqual({ a: 5, b: 5 }); // at once, then at 10, 20, 30 and 40 ms
      await registry.cleanup();
      expect(a.backgroundRefreshing).toBe(false);
      expect(b.backgroundRefreshing).toBe(false);
      expect(registry.size).toBe(0);
      await jest.advanceTimersByTimeAsync(1000);
      expect(runs).toEqual({ a: 5, b: 5 });
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
    await expect(registry.cleanup()).resolves.toBeUndefined();
    expect(registry.getOrCreate('a')).not.toBe(a); // a fresh instance after cleanup
    await registry.cleanup();
  });
});

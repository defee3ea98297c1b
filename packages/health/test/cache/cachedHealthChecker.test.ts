import { MonitorConfigError, createHookBus } from '@lexigram/monitor-core';
import { CachedHealthChecker, type CachedHealthCheckerOptions } from '@lexigram/monitor-health';
import { never, sleep } from '../support/async.js';

const open: CachedHealthChecker[] = [];

function cached(options: CachedHealthCheckerOptions = {}): CachedHealthChecker {
  const checker = new CachedHealthChecker({ hooks: createHookBus(), ...options });
  open.push(checker);
  return checker;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

/** A check that counts its runs and takes `ms` to answer. */
function counted(ms = 0): { check: () => Promise<boolean>; runs: () => number } {
  let runs = 0;
  return {
    check: async () => {
      runs++;
      if (ms > 0) await sleep(ms);
      return true;
    },
    runs: () => runs,
  };
}

describe('CachedHealthChecker', () => {
  it('has the reference defaults: 5000 ms cache, 2000 ms per check', () => {
    const c = cached();
    expect(c.cacheTtlMs).toBe(5000);
    expect(c.checkTimeoutMs).toBe(2000);
    c.add('a', () => true);
    c.add('b', () => true, { timeoutMs: 60_000 });
    c.add('c', () => true, { timeoutMs: 50 });
    expect(c.checker.describe('a')!.timeoutMs).toBe(2000);
    expect(c.checker.describe('b')!.timeoutMs).toBe(2000); // bounded
    expect(c.checker.describe('c')!.timeoutMs).toBe(50);
  });

  it('serves results from the cache within cacheTtlMs', async () => {
    const c = cached({ cacheTtlMs: 10_000 });
    const probe = counted();
    c.add('db', probe.check);
    const first = await c.runAll();
    const second = await c.runAll();
    expect(probe.runs()).toBe(1);
    expect(second.checks.db).toBe(first.checks.db);
    expect(c.cacheAgeMs).toBeGreaterThanOrEqual(0);
  });

  it('runs again once the cache is older than cacheTtlMs', async () => {
    const c = cached({ cacheTtlMs: 30 });
    const probe = counted();
    c.add('db', probe.check);
    await c.runAll();
    await sleep(60);
    await c.runAll();
    expect(probe.runs()).toBe(2);
  });

  it('with cacheTtlMs 0 runs every time', async () => {
    const c = cached({ cacheTtlMs: 0 });
    const probe = counted();
    c.add('db', probe.check);
    await c.runAll();
    await c.runAll();
    expect(probe.runs()).toBe(2);
  });

  it('makes 100 concurrent callers share one run', async () => {
    const c = cached({ cacheTtlMs: 0 }); // no cache at all: sharing comes from single flight
    const probe = counted(25);
    c.add('db', probe.check);
    const reports = await Promise.all(Array.from({ length: 100 }, () => c.runReadiness()));
    expect(probe.runs()).toBe(1);
    expect(new Set(reports.map((r) => r.checks.db)).size).toBe(1);
    expect(reports.every((r) => r.status === 'healthy')).toBe(true);
  });

  it('answers every probe from one run, filtered by category', async () => {
    const c = cached();
    const live = counted();
    const ready = counted();
    c.add('live', live.check, { category: 'liveness' });
    c.add('ready', ready.check);
    c.add('boot', () => false, { category: 'startup' });
    expect(Object.keys((await c.runLiveness()).checks)).toEqual(['live']);
    expect(Object.keys((await c.runReadiness()).checks)).toEqual(['ready']);
    expect((await c.runStartup()).status).toBe('unhealthy');
    expect((await c.runAll()).status).toBe('unhealthy');
    expect(live.runs()).toBe(1);
    expect(ready.runs()).toBe(1);
    expect(Object.keys(await c.results())).toEqual(['boot', 'live', 'ready']);
  });

  it('bounds a hung check by checkTimeoutMs', async () => {
    const c = cached({ checkTimeoutMs: 30 });
    c.add('hangs', () => never());
    const report = await c.runAll();
    expect(report.status).toBe('unhealthy');
    expect(report.checks.hangs!.message).toBe('check timed out after 30 ms');
  });

  it('reruns after checks are added or removed, and after invalidate()', async () => {
    const c = cached();
    const probe = counted();
    c.add('a', probe.check);
    await c.runAll();
    c.add('b', () => true);
    expect(c.has('b')).toBe(true);
    expect(Object.keys((await c.runAll()).checks)).toEqual(['a', 'b']);
    expect(probe.runs()).toBe(2);
    c.remove('b');
    expect(c.names).toEqual(['a']);
    expect(Object.keys((await c.runAll()).checks)).toEqual(['a']);
    c.invalidate();
    await c.runAll();
    expect(probe.runs()).toBe(4);
  });

  it('does not hand a run started before add() to callers after it', async () => {
    const c = cached();
    c.add('slow', counted(30).check);
    const before = c.runAll();
    c.add('new', () => true);
    const after = await c.runAll();
    expect(Object.keys((await before).checks)).toEqual(['slow']);
    expect(Object.keys(after.checks)).toEqual(['new', 'slow']);
  });

  it('refresh() runs now; lastReport never runs', async () => {
    const c = cached();
    const probe = counted();
    c.register(Object.assign({ name: 'db' }, { check: probe.check }));
    expect(c.lastReport).toBeUndefined();
    await c.runAll();
    await c.refresh();
    expect(probe.runs()).toBe(2);
    expect(c.lastReport!.status).toBe('healthy');
    expect(probe.runs()).toBe(2);
  });

  it('check() sums up the cached aggregate', async () => {
    const c = cached();
    c.add('a', () => true);
    c.add('b', () => false, { critical: false });
    const own = await c.check();
    expect(own.status).toBe('degraded');
    expect(own.message).toBe('2 checks: 1 healthy, 0 degraded, 1 unhealthy');
  });

  it('pings a database provider as a readiness check', async () => {
    let pings = 0;
    const c = cached({
      dbProvider: {
        ping: async () => {
          pings++;
        },
      },
    });
    expect(c.names).toEqual(['database']);
    const ready = await c.runReadiness();
    expect(ready.checks.database!.status).toBe('healthy');
    expect(pings).toBe(1);

    const down = cached({
      dbProvider: { query: () => Promise.reject(new Error('connection refused')) },
      dbCheckName: 'postgres',
    });
    const report = await down.runReadiness();
    expect(report.status).toBe('unhealthy');
    expect(report.checks.postgres!.message).toBe('check rejected with Error: connection refused');
  });

  it('rejects bad options, naming every bad field', () => {
    try {
      new CachedHealthChecker({
        cacheTtlMs: -1,
        checkTimeoutMs: 0,
        refreshIntervalMs: Number.NaN,
        dbProvider: { connect: () => true } as never,
      });
      throw new Error('expected a config error');
    } catch (error) {
      expect(error).toBeInstanceOf(MonitorConfigError);
      expect((error as MonitorConfigError).fields.map((f) => f.path)).toEqual([
        'cacheTtlMs',
        'checkTimeoutMs',
        'refreshIntervalMs',
        'dbProvider',
      ]);
    }
  });
});

describe('CachedHealthChecker background refresh', () => {
  it('keeps the cache warm and stops when asked', async () => {
    const c = cached({ cacheTtlMs: 10_000 });
    const probe = counted();
    c.add('db', probe.check);
    c.startBackgroundRefresh(15);
    expect(c.backgroundRefreshing).toBe(true);
    await sleep(150);
    const runs = probe.runs();
    expect(runs).toBeGreaterThanOrEqual(2);
    c.stopBackgroundRefresh();
    expect(c.backgroundRefreshing).toBe(false);
    await sleep(80);
    expect(probe.runs()).toBe(runs);
    // The warm cache answers without another run.
    await c.runAll();
    expect(probe.runs()).toBe(runs);
  });

  it('starts from the refreshIntervalMs option, with an unref’ed timer', async () => {
    const created: NodeJS.Timeout[] = [];
    const realSetInterval = global.setInterval;
    const spy = jest
      .spyOn(global, 'setInterval')
      .mockImplementation((fn: () => void, ms?: number) => {
        const timer = realSetInterval(fn, ms);
        if (ms === 20) created.push(timer);
        return timer;
      });
    try {
      const c = cached({ refreshIntervalMs: 20 });
      expect(c.backgroundRefreshing).toBe(true);
      await sleep(50);
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(created.every((t) => !t.hasRef())).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('never overlaps runs, even when a run is slower than the interval', async () => {
    const c = cached({ checkTimeoutMs: 1000 });
    let active = 0;
    let maxActive = 0;
    c.add('slow', async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await sleep(30);
      active--;
      return true;
    });
    c.startBackgroundRefresh(5);
    await sleep(120);
    c.stopBackgroundRefresh();
    expect(maxActive).toBe(1);
  });

  it('defaults the interval to half the cache TTL and validates it', () => {
    const c = cached({ cacheTtlMs: 0 });
    expect(() => c.startBackgroundRefresh(0)).toThrow(MonitorConfigError);
    c.startBackgroundRefresh(); // max(1, 0 / 2) = 1 ms: valid
    expect(c.backgroundRefreshing).toBe(true);
  });

  it('close() stops the refresh and waits for the run in flight; safe twice', async () => {
    const c = cached();
    let finished = 0;
    c.add('slow', async () => {
      await sleep(30);
      finished++;
      return true;
    });
    c.startBackgroundRefresh(10);
    await c.close();
    expect(finished).toBe(1);
    expect(c.backgroundRefreshing).toBe(false);
    await c.close();
    await sleep(50);
    expect(finished).toBe(1);
  });
});

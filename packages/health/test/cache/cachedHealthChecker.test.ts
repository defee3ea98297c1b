import {
  MonitorConfigError,
  createHookBus,
  type HealthCheckRunHook,
  type MonitorFault,
} from '@lexigram/monitor-core';
import { CachedHealthChecker, type CachedHealthCheckerOptions } from '@lexigram/monitor-health';
import { FakeScheduler, never } from '@lexigram/test-support';

// Every test runs on jest's virtual clock: timers and `performance.now()` only move when a test
// advances them, so TTLs, intervals and teardown order are asserted exactly, without sleeping.
const open: CachedHealthChecker[] = [];

function cached(options: CachedHealthCheckerOptions = {}): CachedHealthChecker {
  const checker = new CachedHealthChecker({ hooks: createHookBus(), ...options });
  open.push(checker);
  return checker;
}

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(async () => {
  const closing = Promise.all(open.splice(0).map((c) => c.close()));
  await jest.advanceTimersByTimeAsync(60_000);
  await closing;
  jest.useRealTimers();
});

/** Resolve after `ms` of virtual time. */
function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A check that counts its runs (started and finished) and takes `ms` to answer. */
function counted(ms = 0): {
  check: () => Promise<boolean>;
  runs: () => number;
  finished: () => number;
} {
  let runs = 0;
  let finished = 0;
  return {
    check: async () => {
      runs++;
      if (ms > 0) await wait(ms);
      finished++;
      return true;
    },
    runs: () => runs,
    finished: () => finished,
  };
}

/** Let promise callbacks run without moving the clock. */
const flush = (): Promise<void> => jest.advanceTimersByTimeAsync(0);

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

  it('serves results from the cache within cacheTtlMs and reports their age', async () => {
    const c = cached({ cacheTtlMs: 10_000 });
    const probe = counted();
    c.add('db', probe.check);
    expect(c.cacheAgeMs).toBeUndefined();
    const first = await c.runAll();
    expect(c.cacheAgeMs).toBe(0);
    await jest.advanceTimersByTimeAsync(1234);
    expect(c.cacheAgeMs).toBe(1234);
    const second = await c.runAll();
    expect(probe.runs()).toBe(1);
    expect(second.checks.db).toBe(first.checks.db);
    c.invalidate();
    expect(c.cacheAgeMs).toBeUndefined();
  });

  it('runs again once the cache is exactly cacheTtlMs old, not before', async () => {
    const c = cached({ cacheTtlMs: 100 });
    const probe = counted();
    c.add('db', probe.check);
    // Away from time 0, so the age is measured from the run, not from the clock's origin.
    await jest.advanceTimersByTimeAsync(5000);
    await c.runAll();
    await jest.advanceTimersByTimeAsync(99);
    await c.runAll();
    expect(probe.runs()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    await c.runAll();
    expect(probe.runs()).toBe(2);
    expect(c.cacheAgeMs).toBe(0);
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
    const pending = Promise.all(Array.from({ length: 100 }, () => c.runReadiness()));
    await jest.advanceTimersByTimeAsync(25);
    const reports = await pending;
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
    let report: Awaited<ReturnType<CachedHealthChecker['runAll']>> | undefined;
    void c.runAll().then((r) => (report = r));
    await jest.advanceTimersByTimeAsync(29);
    expect(report).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(report!.status).toBe('unhealthy');
    expect(report!.checks.hangs!.message).toBe('check timed out after 30 ms');
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
    const after = c.runAll();
    await jest.advanceTimersByTimeAsync(30);
    expect(Object.keys((await before).checks)).toEqual(['slow']);
    expect(Object.keys((await after).checks)).toEqual(['new', 'slow']);
  });

  it('an older run that finishes first does not detach callers from the newer run', async () => {
    const c = cached({ cacheTtlMs: 0 });
    const fast = counted(10);
    const slow = counted(100);
    c.add('a', fast.check);
    const older = c.runAll(); // runs "a" only: done at 10 ms
    c.add('b', slow.check);
    const newer = c.runAll(); // runs "a" and "b": done at 100 ms
    await jest.advanceTimersByTimeAsync(20);
    expect(Object.keys((await older).checks)).toEqual(['a']);
    // The newer run is still in flight: a caller now joins it rather than starting a third.
    const joined = c.runAll();
    await jest.advanceTimersByTimeAsync(80);
    expect(await joined).toEqual(await newer);
    expect(slow.runs()).toBe(1);
    expect(fast.runs()).toBe(2);
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

  it('check() sums up the cached aggregate, with how long it took', async () => {
    const c = cached();
    c.add('a', counted(40).check);
    c.add('b', () => false, { critical: false });
    const pending = c.check();
    await jest.advanceTimersByTimeAsync(40);
    const own = await pending;
    expect(own.status).toBe('degraded');
    expect(own.message).toBe('2 checks: 1 healthy, 0 degraded, 1 unhealthy');
    expect(own.durationMs).toBe(40);
    // From the cache: no time passes.
    expect((await c.check()).durationMs).toBe(0);
  });

  it('emits healthCheckRun on the hook bus it was given', async () => {
    const hooks = createHookBus();
    const seen: HealthCheckRunHook[] = [];
    hooks.healthCheckRun.subscribe((event) => seen.push(event));
    const c = cached({ hooks });
    c.add('db', counted(5).check);
    const pending = c.runAll();
    await jest.advanceTimersByTimeAsync(5);
    await pending;
    expect(seen).toEqual([{ checkName: 'db', healthy: true, status: 'healthy', durationMs: 5 }]);
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
    expect(c.checker.describe('database')!.category).toBe('readiness');
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
        shutdownTimeoutMs: -5,
        dbProvider: { connect: () => true } as never,
      });
      throw new Error('expected a config error');
    } catch (error) {
      expect(error).toBeInstanceOf(MonitorConfigError);
      expect((error as MonitorConfigError).message).toMatch(/\(from CachedHealthChecker options\)/);
      expect((error as MonitorConfigError).fields.map((f) => f.path)).toEqual([
        'cacheTtlMs',
        'checkTimeoutMs',
        'refreshIntervalMs',
        'shutdownTimeoutMs',
        'dbProvider',
      ]);
      expect((error as MonitorConfigError).fields.at(-1)!.message).toBe(
        'must have a ping() or a query(sql) method',
      );
    }
  });
});

describe('CachedHealthChecker background refresh', () => {
  it('keeps the cache warm on every interval and stops when asked', async () => {
    const c = cached({ cacheTtlMs: 10_000 });
    const probe = counted();
    c.add('db', probe.check);
    c.startBackgroundRefresh(15);
    expect(c.backgroundRefreshing).toBe(true);
    await flush();
    expect(probe.runs()).toBe(1); // at once
    await jest.advanceTimersByTimeAsync(14);
    expect(probe.runs()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(probe.runs()).toBe(2);
    await jest.advanceTimersByTimeAsync(30);
    expect(probe.runs()).toBe(4);
    c.stopBackgroundRefresh();
    expect(c.backgroundRefreshing).toBe(false);
    await jest.advanceTimersByTimeAsync(1000);
    expect(probe.runs()).toBe(4);
    // The warm cache answers without another run.
    await c.runAll();
    expect(probe.runs()).toBe(4);
  });

  it('starts from the refreshIntervalMs option, with an unref’ed timer', () => {
    jest.useRealTimers();
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
      expect(created).toHaveLength(1);
      expect(created[0]!.hasRef()).toBe(false);
    } finally {
      spy.mockRestore();
      jest.useFakeTimers();
    }
  });

  it('schedules the refresh on the scheduler it was given', async () => {
    const scheduler = new FakeScheduler();
    const c = cached({ scheduler, refreshIntervalMs: 10 });
    const probe = counted();
    c.add('db', probe.check);
    expect(scheduler.pending).toBe(1);
    expect(jest.getTimerCount()).toBe(0);
    await flush(); // the first run, at once, found no checks yet
    scheduler.advance(10);
    await flush();
    expect(probe.runs()).toBe(1);
    scheduler.advance(10);
    await flush();
    expect(probe.runs()).toBe(2);
    c.stopBackgroundRefresh();
    expect(scheduler.pending).toBe(0);
  });

  it('never overlaps runs, even when a run is slower than the interval', async () => {
    const c = cached({ checkTimeoutMs: 1000 });
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    c.add('slow', async () => {
      runs++;
      active++;
      maxActive = Math.max(maxActive, active);
      await wait(30);
      active--;
      return true;
    });
    c.startBackgroundRefresh(5);
    await jest.advanceTimersByTimeAsync(120);
    c.stopBackgroundRefresh();
    expect(maxActive).toBe(1);
    // Ticks that arrive while a run is in flight are skipped, not queued.
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(runs).toBeLessThanOrEqual(5);
  });

  it('defaults the interval to half the cache TTL, at least 1 ms, and validates it', async () => {
    const c = cached({ cacheTtlMs: 1000 });
    const probe = counted();
    c.add('db', probe.check);
    expect(() => c.startBackgroundRefresh(0)).toThrow(MonitorConfigError);
    expect(() => c.startBackgroundRefresh(0)).toThrow(/\(from startBackgroundRefresh\)/);
    expect(() => c.startBackgroundRefresh(-1)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ path: 'intervalMs' })] }),
    );
    expect(c.backgroundRefreshing).toBe(false);
    c.startBackgroundRefresh();
    await flush();
    expect(probe.runs()).toBe(1);
    await jest.advanceTimersByTimeAsync(499);
    expect(probe.runs()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(probe.runs()).toBe(2);

    const uncached = cached({ cacheTtlMs: 0 });
    const every = counted();
    uncached.add('db', every.check);
    uncached.startBackgroundRefresh(); // max(1, 0 / 2) = 1 ms
    await flush();
    await jest.advanceTimersByTimeAsync(3);
    expect(every.runs()).toBe(4);
  });

  it('close() stops the refresh and waits for the run in flight, and no tick follows', async () => {
    const c = cached();
    const probe = counted(30);
    c.add('slow', probe.check);
    c.startBackgroundRefresh(10);
    await flush();
    let closed = false;
    void c.close().then(() => (closed = true));
    expect(c.backgroundRefreshing).toBe(false);
    await jest.advanceTimersByTimeAsync(29);
    expect(closed).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(closed).toBe(true);
    expect(probe.finished()).toBe(1);
    // No run is scheduled after the one close() waited for.
    await jest.advanceTimersByTimeAsync(1000);
    expect(probe.runs()).toBe(1);
    expect(jest.getTimerCount()).toBe(0);
    // Closing again is safe and resolves at once.
    await c.close();
  });

  it('stopBackgroundRefresh() during a run lets it finish and schedules nothing more', async () => {
    const c = cached();
    const probe = counted(30);
    c.add('slow', probe.check);
    c.startBackgroundRefresh(10);
    await jest.advanceTimersByTimeAsync(5);
    c.stopBackgroundRefresh();
    await jest.advanceTimersByTimeAsync(1000);
    expect(probe.runs()).toBe(1);
    expect(probe.finished()).toBe(1);
    expect(c.lastReport!.status).toBe('healthy');
  });

  it('startBackgroundRefresh() after close() does nothing', async () => {
    const c = cached();
    const probe = counted();
    c.add('db', probe.check);
    await c.close();
    c.startBackgroundRefresh(10);
    expect(c.backgroundRefreshing).toBe(false);
    await jest.advanceTimersByTimeAsync(100);
    expect(probe.runs()).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('close() gives up on a run in flight after shutdownTimeoutMs and reports it', async () => {
    const faults: MonitorFault[] = [];
    const c = cached({
      checkTimeoutMs: 10_000,
      shutdownTimeoutMs: 100,
      onError: (fault) => faults.push(fault),
    });
    c.add('hangs', () => never());
    void c.refresh();
    let closed = false;
    void c.close().then(() => (closed = true));
    await jest.advanceTimersByTimeAsync(99);
    expect(closed).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(closed).toBe(true);
    expect(faults.map((f) => [f.code, f.component])).toEqual([
      ['SHUTDOWN_TIMEOUT', 'health.cachedHealthChecker'],
    ]);
  });
});

import { MonitorConfigError, createHookBus, type HookBus } from '@lexigram/monitor-core';
import {
  DuplicateHealthCheckError,
  FunctionHealthCheck,
  HealthCheckNotFoundError,
  HealthCheckResult,
  HealthChecker,
  InvalidHealthCheckError,
  markHealthCheck,
} from '@lexigram/monitor-health';
import { never, settleVirtual, sleep, withFakeTimers } from '@lexigram/test-support';

function newChecker(options: { defaultTimeoutMs?: number; maxTimeoutMs?: number } = {}): {
  checker: HealthChecker;
  hooks: HookBus;
} {
  const hooks = createHookBus();
  return { checker: new HealthChecker({ ...options, hooks }), hooks };
}

describe('HealthChecker registration', () => {
  it('adds, lists sorted names, checks membership and removes', () => {
    const { checker } = newChecker();
    checker.add('zeta', () => true);
    checker.add('alpha', () => true);
    checker.add('mid', { check: () => true });
    expect(checker.names).toEqual(['alpha', 'mid', 'zeta']);
    expect(checker.size).toBe(3);
    expect(checker.has('mid')).toBe(true);
    checker.remove('mid');
    expect(checker.has('mid')).toBe(false);
    expect(checker.names).toEqual(['alpha', 'zeta']);
  });

  it('refuses a duplicate name and removing an unknown one', () => {
    const { checker } = newChecker();
    checker.add('db', () => true);
    expect(() => checker.add('db', () => false)).toThrow(DuplicateHealthCheckError);
    expect(() => checker.remove('dbb')).toThrow(HealthCheckNotFoundError);
    expect(() => checker.remove('dbb')).toThrow(/registered: db/);
  });

  it('refuses something that is not a check, and bad options', () => {
    const { checker } = newChecker();
    expect(() => checker.add('x', 42 as never)).toThrow(InvalidHealthCheckError);
    // null and undefined get the typed error too, not a TypeError from reading `.check`.
    expect(() => checker.add('x', null as never)).toThrow(InvalidHealthCheckError);
    expect(() => checker.add('x', null as never)).toThrow(/got null/);
    expect(() => checker.add('x', undefined as never)).toThrow(/got undefined/);
    expect(() => checker.add('x', 'db' as never)).toThrow(InvalidHealthCheckError);
    expect(() => checker.add('x', { check: 1 } as never)).toThrow(
      /must be a function or an object with a check\(\) method/,
    );
    expect(() => checker.add('x', () => true, { category: 'nope' as never })).toThrow(/category/);
    expect(() => checker.add('', () => true)).toThrow(InvalidHealthCheckError);
    expect(checker.size).toBe(0);
  });

  it('resolves options: defaults, then the check’s own, then add()’s', () => {
    const { checker } = newChecker({ defaultTimeoutMs: 1234 });
    checker.add('plain', () => true);
    expect(checker.describe('plain')).toEqual({
      name: 'plain',
      timeoutMs: 1234,
      category: 'readiness',
      critical: true,
    });
    const own = new FunctionHealthCheck('own', () => true, {
      category: 'liveness',
      timeoutMs: 50,
    });
    checker.add('own', own, { timeoutMs: 70 });
    expect(checker.describe('own')).toMatchObject({ category: 'liveness', timeoutMs: 70 });
    expect(checker.describe('missing')).toBeUndefined();
  });

  it('caps timeouts at maxTimeoutMs', () => {
    const { checker } = newChecker({ defaultTimeoutMs: 100, maxTimeoutMs: 40 });
    checker.add('a', () => true, { timeoutMs: 5000 });
    checker.add('b', () => true, { timeoutMs: 10 });
    expect(checker.describe('a')!.timeoutMs).toBe(40);
    expect(checker.describe('b')!.timeoutMs).toBe(10);
  });

  it('counts changes in revision', () => {
    const { checker } = newChecker();
    expect(checker.revision).toBe(0);
    checker.add('a', () => true);
    checker.remove('a');
    expect(checker.revision).toBe(2);
  });

  it('register() takes marked functions and named checks, not unmarked functions', () => {
    const { checker } = newChecker();
    checker.register(markHealthCheck('db', { critical: false })(() => true));
    checker.register(new FunctionHealthCheck('cache', () => true));
    expect(checker.names).toEqual(['cache', 'db']);
    expect(checker.describe('db')!.critical).toBe(false);
    function plain(): boolean {
      return true;
    }
    expect(() => checker.register(plain)).toThrow(InvalidHealthCheckError);
    expect(() => checker.register(plain)).toThrow(/"plain" is not/);
    expect(() => checker.register({ check: () => true })).toThrow(/use add\(name, check\)/);
    expect(() => checker.register(markHealthCheck('db')(() => true))).toThrow(
      DuplicateHealthCheckError,
    );
  });

  it('rejects bad constructor options with one config error', () => {
    expect(() => new HealthChecker({ defaultTimeoutMs: 0, maxTimeoutMs: -1 })).toThrow(
      MonitorConfigError,
    );
    try {
      new HealthChecker({ defaultTimeoutMs: 0, maxTimeoutMs: -1 });
    } catch (error) {
      expect((error as MonitorConfigError).fields.map((f) => f.path)).toEqual([
        'defaultTimeoutMs',
        'maxTimeoutMs',
      ]);
    }
  });
});

describe('HealthChecker.runAll', () => {
  it('normalizes every kind of check', async () => {
    const { checker } = newChecker();
    checker.add('sync-bool', () => true);
    checker.add('async-bool', async () => false);
    checker.add('object', () => ({ connections: 3 }));
    checker.add('result', async () => HealthCheckResult.degraded('slow'));
    checker.add('class', new FunctionHealthCheck('c', () => ({ healthy: true })));
    checker.add('void', (() => undefined) as never);
    const results = await checker.runAll();
    expect(Object.keys(results)).toEqual([
      'async-bool',
      'class',
      'object',
      'result',
      'sync-bool',
      'void',
    ]);
    expect(results['sync-bool']!.status).toBe('healthy');
    expect(results['async-bool']!.status).toBe('unhealthy');
    expect(results.object!.details).toEqual({ connections: 3 });
    expect(results.result!.message).toBe('slow');
    expect(results.class!.isHealthy).toBe(true);
    expect(results.void!.message).toContain('check returned undefined');
    for (const r of Object.values(results)) expect(r).toBeInstanceOf(HealthCheckResult);
  });

  it('starts every check at once', async () => {
    const { checker } = newChecker();
    let started = 0;
    for (const name of ['a', 'b', 'c', 'd']) {
      checker.add(name, async () => {
        started++;
        await sleep(10);
        return true;
      });
    }
    const pending = checker.runAll();
    expect(started).toBe(4); // all invoked before the first one finished
    await pending;
  });

  it('isolates slow and failing checks: each is unhealthy with its reason, none delays the others', () =>
    withFakeTimers(async () => {
      const { checker, hooks } = newChecker();
      const order: string[] = [];
      hooks.healthCheckRun.subscribe((e) => order.push(e.checkName));
      let lateRejected = false;
      checker.add('fast', async () => true);
      checker.add('hangs', () => never(), { timeoutMs: 40 });
      checker.add(
        'rejects-late',
        () =>
          sleep(90).then(() => {
            lateRejected = true;
            throw new Error('late');
          }),
        { timeoutMs: 30 },
      );
      checker.add('throws', () => {
        throw new Error('boom');
      });
      checker.add('rejects', () => Promise.reject(new RangeError('out of range')));

      const running = checker.runAll();
      await jest.advanceTimersByTimeAsync(40);
      const results = await running;
      expect(results.fast!.status).toBe('healthy');
      expect(results.hangs!.message).toBe('check timed out after 40 ms');
      expect(results['rejects-late']!.message).toBe('check timed out after 30 ms');
      expect(results.throws!.message).toBe('check threw Error: boom');
      expect(results.rejects!.message).toBe('check rejected with RangeError: out of range');
      // The quick ones were reported before the timeouts fired, in timeout order after that.
      expect(order.slice(-2)).toEqual(['rejects-late', 'hangs']);
      expect(results.fast!.durationMs).toBeLessThan(results.hangs!.durationMs);
      expect(results.hangs!.durationMs).toBeGreaterThanOrEqual(38);
      expect(results.hangs!.durationMs).toBeLessThan(1000); // ended by its timeout, not hung

      await settleVirtual(50); // the late rejection lands here and must be handled
      expect(lateRejected).toBe(true);
    }));

  it('keeps a check named __proto__ as data', async () => {
    const { checker } = newChecker();
    checker.add('__proto__', () => false);
    const results = await checker.runAll();
    expect(Object.keys(results)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(results)).toBe(Object.prototype);
  });

  it('fires healthCheckRun after each check', async () => {
    const { checker, hooks } = newChecker();
    const events: unknown[] = [];
    hooks.healthCheckRun.subscribe((e) => events.push(e));
    checker.add('a', () => true);
    checker.add('b', () => ({ status: 'unhealthy' }));
    const results = await checker.runAll();
    expect(events).toEqual([
      { checkName: 'a', healthy: true, status: 'healthy', durationMs: results.a!.durationMs },
      { checkName: 'b', healthy: false, status: 'unhealthy', durationMs: results.b!.durationMs },
    ]);
  });
});

describe('HealthChecker aggregation and probes', () => {
  it('aggregates with critical flags; unknown names count as critical', async () => {
    const { checker } = newChecker();
    checker.add('db', () => true);
    checker.add('search', () => false, { critical: false });
    const results = await checker.runAll();
    expect(checker.aggregateStatus(results)).toBe('degraded');
    expect(checker.aggregateStatus({ ...results, other: HealthCheckResult.unhealthy() })).toBe(
      'unhealthy',
    );
    expect(checker.aggregateStatus({})).toBe('healthy');
  });

  it('runWithStatus returns the aggregate with every result', async () => {
    const { checker } = newChecker();
    checker.add('db', () => false);
    checker.add('cache', () => true);
    const report = await checker.runWithStatus();
    expect(report.status).toBe('unhealthy');
    expect(Object.keys(report.checks)).toEqual(['cache', 'db']);
  });

  it('runs each probe’s checks only; no category means readiness', async () => {
    const { checker } = newChecker();
    const ran: string[] = [];
    const check = (name: string) => () => {
      ran.push(name);
      return true;
    };
    checker.add('live', check('live'), { category: 'liveness' });
    checker.add('ready', check('ready'), { category: 'readiness' });
    checker.add('default', check('default'));
    checker.add('boot', check('boot'), { category: 'startup' });
    expect(checker.namesIn('readiness')).toEqual(['default', 'ready']);

    expect(Object.keys((await checker.runLiveness()).checks)).toEqual(['live']);
    expect(Object.keys((await checker.runReadiness()).checks)).toEqual(['default', 'ready']);
    expect(Object.keys((await checker.runStartup()).checks)).toEqual(['boot']);
    expect(ran).toEqual(['live', 'default', 'ready', 'boot']);
  });

  it('aggregates a probe over its own checks only', async () => {
    const { checker } = newChecker();
    checker.add('live', () => true, { category: 'liveness' });
    checker.add('db', () => false);
    expect((await checker.runLiveness()).status).toBe('healthy');
    expect((await checker.runReadiness()).status).toBe('unhealthy');
  });

  it('is available as core’s HealthProbesProtocol', async () => {
    const { checker } = newChecker();
    checker.add('db', () => true);
    checker.add('live', () => false, { category: 'liveness' });
    const probes = checker.asProbes();
    expect((await probes.runAll()).status).toBe('unhealthy');
    expect((await probes.runReadiness()).status).toBe('healthy');
    expect((await probes.runLiveness()).status).toBe('unhealthy');
    expect((await probes.runStartup()).checks).toEqual({});
  });
});

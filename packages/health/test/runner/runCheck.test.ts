import { createHookBus, type HealthCheckRunHook } from '@lexigram/monitor-core';
import { HealthCheckResult, runCheck } from '@lexigram/monitor-health';
import { never, settleVirtual, sleep, withFakeTimers } from '@lexigram/test-support';

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Blocks the event loop on purpose: a synchronous check that hogs it.
  }
}

describe('runCheck', () => {
  it('normalizes a sync result and stamps the measured duration and time', async () => {
    const before = Date.now();
    const r = await runCheck('x', () => HealthCheckResult.healthy('fine'), 1000, createHookBus());
    expect(r.status).toBe('healthy');
    expect(r.message).toBe('fine');
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
    expect(r.timestamp).toBeGreaterThanOrEqual(before);
  });

  it('measures an async check', async () => {
    const r = await runCheck('x', () => sleep(25).then(() => true), 1000, createHookBus());
    expect(r.status).toBe('healthy');
    expect(r.durationMs).toBeGreaterThanOrEqual(20);
  });

  it('reports a check that never settles as timed out, once its timeout has passed', async () => {
    const r = await runCheck('hang', () => never(), 30, createHookBus());
    expect(r.status).toBe('unhealthy');
    expect(r.message).toBe('check timed out after 30 ms');
    expect(r.durationMs).toBeGreaterThanOrEqual(28);
  });

  it('reports a throw and a rejection with the reason, never the stack', async () => {
    const thrown = await runCheck(
      'a',
      () => {
        throw new TypeError('bad config');
      },
      100,
      createHookBus(),
    );
    expect(thrown.status).toBe('unhealthy');
    expect(thrown.message).toBe('check threw TypeError: bad config');
    const rejected = await runCheck(
      'b',
      () => Promise.reject(new Error('ECONNREFUSED')),
      100,
      createHookBus(),
    );
    expect(rejected.message).toBe('check rejected with Error: ECONNREFUSED');
    expect(rejected.message).not.toMatch(/\sat\s/);
    // A non-Error rejection, as some libraries do.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const odd = await runCheck('c', () => Promise.reject('nope'), 100, createHookBus());
    expect(odd.message).toBe('check rejected with a string ("nope")');
  });

  it('handles a check that rejects after its timeout (no unhandled rejection)', () =>
    withFakeTimers(async () => {
      let rejected = false;
      const running = runCheck(
        'late',
        () =>
          sleep(60).then(() => {
            rejected = true;
            throw new Error('too late');
          }),
        20,
        createHookBus(),
      );
      await jest.advanceTimersByTimeAsync(20);
      expect((await running).message).toBe('check timed out after 20 ms');
      await settleVirtual(40); // the late rejection happens here; unhandled, it would fail this test
      expect(rejected).toBe(true);
    }));

  it('accepts thenables that are not promises', async () => {
    const thenable = { then: (ok: (v: unknown) => void) => ok({ healthy: false }) };
    const r = await runCheck('t', () => thenable, 100, createHookBus());
    expect(r.status).toBe('unhealthy');
  });

  it('reports a synchronous check that overran its timeout', async () => {
    const r = await runCheck(
      'sync',
      () => {
        busyWait(30);
        return true;
      },
      10,
      createHookBus(),
    );
    expect(r.status).toBe('unhealthy');
    expect(r.message).toMatch(/^check took \d+ ms, over its 10 ms timeout/);
  });

  it('survives a result whose reading throws', async () => {
    const hostile = new Proxy(
      {},
      {
        has() {
          throw new Error('trap');
        },
      },
    );
    const r = await runCheck('p', () => Promise.resolve(hostile), 100, createHookBus());
    expect(r.status).toBe('unhealthy');
    expect(r.message).toBe('check threw Error: trap');
  });

  it('fires healthCheckRun after the check, only when someone listens', async () => {
    const hooks = createHookBus();
    await runCheck('quiet', () => true, 100, hooks); // no listener: nothing to observe, no error
    const events: HealthCheckRunHook[] = [];
    const off = hooks.healthCheckRun.subscribe((e) => events.push(e));
    const r = await runCheck('db', () => ({ status: 'degraded' }), 100, hooks);
    off();
    expect(events).toEqual([
      { checkName: 'db', healthy: false, status: 'degraded', durationMs: r.durationMs },
    ]);
  });
});

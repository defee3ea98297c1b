import { MonitorConfigError, createHookBus } from '@lexigram/monitor-core';
import {
  DRAINING_CHECK_NAME,
  GracefulShutdown,
  HealthCheckRegistry,
  InvalidHealthCheckError,
  renderText,
} from '@lexigram/monitor-health';
import { never, settleVirtual, sleep, withFakeTimers } from '@lexigram/test-support';

function setup(): { registry: HealthCheckRegistry; runs: Record<string, number> } {
  const registry = new HealthCheckRegistry({ hooks: createHookBus() });
  const runs: Record<string, number> = { live: 0, ready: 0, boot: 0 };
  registry.add('live', () => ++runs.live! > 0, { category: 'liveness' });
  registry.add('ready', () => ++runs.ready! > 0);
  registry.add('boot', () => ++runs.boot! > 0, { category: 'startup' });
  return { registry, runs };
}

describe('GracefulShutdown drain', () => {
  it('passes every probe through before draining', async () => {
    const { registry, runs } = setup();
    const shutdown = new GracefulShutdown(registry);
    expect(shutdown.draining).toBe(false);
    expect((await shutdown.runReadiness()).status).toBe('healthy');
    expect((await shutdown.runLiveness()).status).toBe('healthy');
    expect((await shutdown.runStartup()).status).toBe('healthy');
    expect(Object.keys((await shutdown.runAll()).checks)).toEqual(['boot', 'live', 'ready']);
    expect(runs).toEqual({ live: 2, ready: 2, boot: 2 });
  });

  it('once draining, fails readiness with "draining" while liveness stays healthy', async () => {
    const { registry, runs } = setup();
    const shutdown = new GracefulShutdown(registry);
    shutdown.startDraining();
    shutdown.startDraining(); // idempotent
    expect(shutdown.draining).toBe(true);

    const ready = await shutdown.runReadiness();
    expect(ready.status).toBe('unhealthy');
    expect(Object.keys(ready.checks)).toEqual([DRAINING_CHECK_NAME]);
    expect(ready.checks.draining!.message).toMatch(/^draining: /);
    expect(ready.checks.draining!.details).toEqual({ drainingSince: expect.any(String) });
    expect((await shutdown.runAll()).status).toBe('unhealthy');
    expect(runs.ready).toBe(0); // readiness checks are not run while draining

    const live = await shutdown.runLiveness();
    expect(live.status).toBe('healthy');
    expect(Object.keys(live.checks)).toEqual(['live']);
    expect(runs.live).toBe(1);
    expect(renderText(ready, { probeName: 'readyz' }).body).toContain(
      '[-]draining failed: draining: the service is shutting down and takes no new traffic',
    );
  });

  it('fails readiness during the drain delay, before any hook runs', async () => {
    const { registry } = setup();
    const shutdown = new GracefulShutdown(registry, { drainDelayMs: 40 });
    const calls: string[] = [];
    shutdown.beforeShutdown('close-server', () => {
      calls.push('close-server');
    });
    const done = shutdown.shutdown();
    await sleep(5);
    expect(shutdown.draining).toBe(true);
    expect((await shutdown.runReadiness()).status).toBe('unhealthy');
    expect((await shutdown.runLiveness()).status).toBe('healthy');
    expect(calls).toEqual([]);
    const report = await done;
    expect(calls).toEqual(['close-server']);
    expect(report.durationMs).toBeGreaterThanOrEqual(38);
  });
});

describe('GracefulShutdown hooks', () => {
  it('runs hooks in order, reports failures and keeps going', async () => {
    const shutdown = new GracefulShutdown(setup().registry);
    const order: string[] = [];
    shutdown.beforeShutdown('server', async () => {
      await sleep(10);
      order.push('server');
    });
    shutdown.beforeShutdown('flush', () => {
      order.push('flush');
      throw new Error('exporter down');
    });
    shutdown.beforeShutdown('pool', () => Promise.reject(new TypeError('already closed')));
    shutdown.beforeShutdown('log', () => {
      order.push('log');
    });
    const report = await shutdown.shutdown();
    expect(order).toEqual(['server', 'flush', 'log']);
    expect(report.completed).toEqual(['server', 'log']);
    expect(report.failed).toEqual([
      { name: 'flush', message: 'Error: exporter down' },
      { name: 'pool', message: 'TypeError: already closed' },
    ]);
    expect(report.timedOut).toEqual([]);
    expect(report.skipped).toEqual([]);
  });

  it('stops waiting at the deadline: the running hook times out, the rest are skipped', () =>
    withFakeTimers(async () => {
      const shutdown = new GracefulShutdown(setup().registry, { shutdownTimeoutMs: 40 });
      let lateRejected = false;
      const ran: string[] = [];
      shutdown.beforeShutdown('quick', () => {
        ran.push('quick');
      });
      shutdown.beforeShutdown('hangs', () => {
        ran.push('hangs');
        return never();
      });
      shutdown.beforeShutdown('after', () => {
        ran.push('after');
      });
      const closing = shutdown.shutdown();
      await jest.advanceTimersByTimeAsync(40);
      const report = await closing;
      expect(report).toMatchObject({
        completed: ['quick'],
        failed: [],
        timedOut: ['hangs'],
        skipped: ['after'],
      });
      expect(ran).toEqual(['quick', 'hangs']);
      expect(report.durationMs).toBeGreaterThanOrEqual(38);

      // A hook that rejects after the deadline is handled too.
      const second = new GracefulShutdown(setup().registry, { shutdownTimeoutMs: 20 });
      second.beforeShutdown('late', () =>
        sleep(50).then(() => {
          lateRejected = true;
          throw new Error('late');
        }),
      );
      const secondClosing = second.shutdown();
      await jest.advanceTimersByTimeAsync(20);
      expect((await secondClosing).timedOut).toEqual(['late']);
      await settleVirtual(30); // the late rejection lands here and must be handled
      expect(lateRejected).toBe(true);
    }));

  it('gives hooks what is left of one deadline, not a fresh one each', () =>
    withFakeTimers(async () => {
      const shutdown = new GracefulShutdown(setup().registry, { shutdownTimeoutMs: 100 });
      shutdown.beforeShutdown('a', () => sleep(50));
      // Would finish within a fresh 100 ms, not within the ~50 ms left.
      shutdown.beforeShutdown('b', () => sleep(80));
      const closing = shutdown.shutdown();
      await jest.advanceTimersByTimeAsync(100);
      const report = await closing;
      expect(report.completed).toEqual(['a']);
      expect(report.timedOut).toEqual(['b']);
    }));

  it('is idempotent and lets a hook be removed', async () => {
    const shutdown = new GracefulShutdown(setup().registry);
    let runs = 0;
    shutdown.beforeShutdown('counted', () => {
      runs++;
    });
    const remove = shutdown.beforeShutdown('removed', () => {
      throw new Error('should not run');
    });
    remove();
    remove();
    const first = shutdown.shutdown();
    expect(shutdown.shutdown()).toBe(first);
    const report = await first;
    expect(report.completed).toEqual(['counted']);
    expect(runs).toBe(1);
  });

  it('validates its options and hooks', () => {
    const { registry } = setup();
    expect(() => new GracefulShutdown(registry, { shutdownTimeoutMs: 0 })).toThrow(
      MonitorConfigError,
    );
    expect(() => new GracefulShutdown(registry, { drainDelayMs: -5 })).toThrow(/drainDelayMs/);
    const shutdown = new GracefulShutdown(registry);
    expect(() => shutdown.beforeShutdown('x', 'nope' as never)).toThrow(InvalidHealthCheckError);
    expect(() => shutdown.beforeShutdown('', () => {})).toThrow(InvalidHealthCheckError);
  });
});

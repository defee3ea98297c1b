import { EventLoopProbe } from '../../src/sampling/eventLoopProbe.js';
import { sleep } from '@lexigram/test-support';
import { spin } from '../support/work.js';

async function blockFor(ms: number): Promise<void> {
  await sleep(20);
  spin(ms);
  // Let the probe's late tick land in the histogram.
  await sleep(40);
}

describe('EventLoopProbe', () => {
  it('reads zeros before any probe completes', () => {
    const probe = new EventLoopProbe(10, true);
    probe.start();
    const w = probe.takeWindow();
    probe.stop();
    expect([w.p50Ms, w.p99Ms, w.maxMs]).toEqual([0, 0, 0]);
  });

  it('measures a block in its window, beyond the resolution, and resets per window', async () => {
    const probe = new EventLoopProbe(10, true);
    probe.start();
    await blockFor(150);
    const blocked = probe.takeWindow();
    await sleep(120);
    const calm = probe.takeWindow();
    const run = probe.runDelay();
    probe.stop();

    expect(blocked.maxMs).toBeGreaterThanOrEqual(120);
    expect(blocked.maxMs).toBeLessThan(1000);
    expect(blocked.p99Ms).toBeGreaterThanOrEqual(120);
    // An idle loop reads near zero because the resolution is subtracted.
    expect(calm.p50Ms).toBeLessThan(blocked.maxMs / 2);
    expect(calm.maxMs).toBeLessThan(blocked.maxMs);
    // The run keeps the block although the window was reset.
    expect(run.maxMs).toBeGreaterThanOrEqual(120);
  });

  it('measures utilization per window', async () => {
    const probe = new EventLoopProbe(10, false);
    probe.start();
    spin(150);
    const busy = probe.takeWindow();
    await sleep(150);
    const idle = probe.takeWindow();
    probe.stop();
    expect(busy.utilization).toBeGreaterThan(0.8);
    expect(busy.utilization).toBeLessThanOrEqual(1);
    // Mostly waiting; generous because a starved CPU stretches the few callbacks that do run.
    expect(idle.utilization).toBeLessThan(busy.utilization - 0.1);
  });

  it('reads zeros before start, utilization included', () => {
    const probe = new EventLoopProbe(10, true);
    expect(probe.takeWindow()).toEqual({ p50Ms: 0, p99Ms: 0, maxMs: 0, utilization: 0 });
    expect(probe.runDelay()).toEqual({ p50Ms: 0, p99Ms: 0, maxMs: 0 });
  });

  it('records nothing after stop(), in the window or the run', async () => {
    const probe = new EventLoopProbe(10, true);
    probe.start();
    probe.stop();
    await blockFor(60);
    expect(probe.takeWindow()).toMatchObject({ p50Ms: 0, p99Ms: 0, maxMs: 0 });
    expect(probe.runDelay()).toEqual({ p50Ms: 0, p99Ms: 0, maxMs: 0 });
  });

  it('never reads a delay below zero on an idle loop', async () => {
    const probe = new EventLoopProbe(10, false);
    probe.start();
    await sleep(60);
    const idle = probe.takeWindow();
    probe.stop();
    expect(idle.p50Ms).toBeGreaterThanOrEqual(0);
    expect(idle.maxMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps no run figures unless asked', async () => {
    const probe = new EventLoopProbe(10, false);
    probe.start();
    await blockFor(60);
    expect(probe.runDelay()).toEqual({ p50Ms: 0, p99Ms: 0, maxMs: 0 });
    expect(probe.takeWindow().maxMs).toBeGreaterThan(30);
    probe.stop();
  });
});

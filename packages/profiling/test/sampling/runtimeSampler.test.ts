import { RuntimeSampler, epochNow } from '../../src/sampling/runtimeSampler.js';
import { sleep } from '@lexigram/test-support';
import { churn, spin } from '../support/work.js';

const all = {
  trackEventLoop: true,
  eventLoopResolutionMs: 10,
  trackGc: true,
  trackActiveHandles: true,
  keepRunFigures: false,
};

describe('RuntimeSampler', () => {
  it('takes a snapshot of the window since the previous one', async () => {
    const sampler = new RuntimeSampler(all);
    sampler.start();
    expect(sampler.running).toBe(true);
    const t0 = epochNow();
    await sleep(30); // the delay probe measures from its first tick on
    spin(200);
    churn(1_000_000);
    await sleep(30);
    const s = sampler.sample();
    sampler.stop();
    expect(sampler.running).toBe(false);

    expect(s.timestamp).toBeGreaterThanOrEqual(t0);
    expect(s.timestamp).toBeLessThanOrEqual(epochNow());
    expect(s.windowMs).toBeGreaterThanOrEqual(200);
    expect(s.cpuUserMs).toBeGreaterThan(20);
    expect(s.cpuPercent).toBeGreaterThan(10);
    expect(s.cpuPercent).toBeCloseTo(((s.cpuUserMs + s.cpuSystemMs) / s.windowMs) * 100, 6);
    expect(s.rssBytes).toBeGreaterThan(s.heapUsedBytes);
    expect(s.heapUsedBytes).toBeGreaterThan(0);
    expect(s.heapTotalBytes).toBeGreaterThanOrEqual(s.heapUsedBytes);
    expect(s.externalBytes).toBeGreaterThanOrEqual(s.arrayBuffersBytes);
    expect(s.eventLoopUtilization).toBeGreaterThan(0.5);
    expect(s.eventLoopDelayMaxMs).toBeGreaterThan(100);
    expect(typeof s.activeHandles).toBe('number');
    expect(s.gcCount).toBeGreaterThan(0);
    expect(s.gcPauseMs).toBeGreaterThan(0);
  });

  it('starts a new window with each sample', async () => {
    const sampler = new RuntimeSampler(all);
    sampler.start();
    spin(300);
    const busy = sampler.sample();
    await sleep(100);
    const quiet = sampler.sample();
    sampler.stop();
    expect(quiet.windowMs).toBeGreaterThanOrEqual(90);
    expect(quiet.windowMs).toBeLessThan(busy.windowMs);
    // Relative, not an absolute CPU share, which a loaded machine inflates: a window that had
    // not been restarted would hold all of the spin's CPU time and more.
    expect(quiet.cpuUserMs + quiet.cpuSystemMs).toBeLessThan(busy.cpuUserMs + busy.cpuSystemMs);
  });

  it('measures only what it is asked to', async () => {
    const sampler = new RuntimeSampler({
      ...all,
      trackEventLoop: false,
      trackGc: false,
      trackActiveHandles: false,
    });
    expect(sampler.eventLoop).toBeUndefined();
    expect(sampler.gc).toBeUndefined();
    sampler.start();
    spin(50);
    churn(500_000);
    await sleep(20);
    const s = sampler.sample();
    sampler.stop();
    expect(s.eventLoopDelayMaxMs).toBe(0);
    expect(s.eventLoopUtilization).toBe(0);
    expect(s.gcCount).toBe(0);
    expect(s.activeHandles).toBeUndefined();
    expect(s.heapUsedBytes).toBeGreaterThan(0);
  });

  it('forwards every GC pause to onGcPause', async () => {
    const pauses: string[] = [];
    const sampler = new RuntimeSampler({ ...all, onGcPause: (kind) => pauses.push(kind) });
    sampler.start();
    churn(1_000_000);
    await sleep(50);
    const s = sampler.sample();
    sampler.stop();
    expect(pauses.length).toBe(sampler.gc!.totals().count);
    expect(pauses.length).toBeGreaterThanOrEqual(s.gcCount);
    expect(pauses.length).toBeGreaterThan(0);
  });
});

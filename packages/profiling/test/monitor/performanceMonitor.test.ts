import {
  MonitorConfigError,
  PerformanceMonitorError,
  isMonitorError,
} from '@lexigram/monitor-core';
import { PerformanceMonitor } from '../../src/monitor/performanceMonitor.js';
import { PerformanceMonitorState } from '../../src/model/performanceMonitorState.js';
import { getErrorProfile } from '../../src/profile/errorProfiles.js';
import { sleep } from '@lexigram/test-support';
import { churn, runFixture, spin } from '../support/work.js';

/** Run `fn` with jest's fake timers driving the sampling loop (the runtime clocks stay real). */
async function onVirtualTime<T>(fn: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({ doNotFake: ['performance', 'hrtime', 'nextTick'] });
  try {
    return await fn();
  } finally {
    jest.useRealTimers();
  }
}

describe('PerformanceMonitor', () => {
  let monitor: PerformanceMonitor | undefined;
  afterEach(() => monitor?.stopMonitoring());

  it('starts idle with empty metrics', () => {
    monitor = new PerformanceMonitor();
    expect(monitor.state).toBe(PerformanceMonitorState.Idle);
    expect(monitor.config.samplingIntervalMs).toBe(1000);
    const m = monitor.metrics;
    expect(m.startTime).toBeUndefined();
    expect(m.sampleCount).toBe(0);
    expect(m.durationMs).toBe(0);
    expect(monitor.lastSnapshot).toBeUndefined();
  });

  it('rejects bad config naming the field', () => {
    expect(() => new PerformanceMonitor({ samplingIntervalMs: -5 })).toThrow(MonitorConfigError);
    expect(() => new PerformanceMonitor({ samplingIntervalMs: -5 })).toThrow(/samplingIntervalMs/);
    expect(() => new PerformanceMonitor({}, { onError: 'log' as never })).toThrow(
      PerformanceMonitorError,
    );
  });

  it('refuses to start twice and stops idempotently', () => {
    monitor = new PerformanceMonitor({ samplingIntervalMs: 50 });
    monitor.startMonitoring();
    expect(monitor.state).toBe('running');
    let error: unknown;
    try {
      monitor.startMonitoring();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PerformanceMonitorError);
    expect(isMonitorError(error, 'PERFORMANCE_MONITOR_ERROR')).toBe(true);
    expect((error as Error).message).toMatch(/already active.*stopMonitoring/);
    const first = monitor.stopMonitoring();
    expect(monitor.state).toBe('stopped');
    const again = monitor.stopMonitoring();
    expect(again.sampleCount).toBe(first.sampleCount);
    expect(again.endTime).toBe(first.endTime);
  });

  it('samples every interval and takes a last sample on stop', async () => {
    monitor = new PerformanceMonitor({ samplingIntervalMs: 40 });
    monitor.startMonitoring();
    await sleep(300);
    const running = monitor.metrics;
    expect(running.endTime).toBeUndefined();
    expect(running.sampleCount).toBeGreaterThanOrEqual(3);
    expect(running.sampleCount).toBeLessThanOrEqual(9);
    const m = monitor.stopMonitoring();
    expect(m.sampleCount).toBe(running.sampleCount + 1);
    expect(m.durationMs).toBeGreaterThanOrEqual(290);
    expect(m.endTime! - m.startTime!).toBeCloseTo(m.durationMs, 6);
    const stamps = m.snapshots.map((s) => s.timestamp);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    for (const s of m.snapshots.slice(0, -1)) expect(s.windowMs).toBeGreaterThanOrEqual(30);
    // Windows tile the run: together they cover it from start to the last sample.
    const covered = m.snapshots.reduce((sum, s) => sum + s.windowMs, 0);
    expect(covered).toBeGreaterThan(m.durationMs - 5);
    expect(covered).toBeLessThanOrEqual(m.durationMs + 1);
    expect(monitor.lastSnapshot).toBe(m.snapshots.at(-1));
  });

  it('aggregates CPU, memory, event loop, handles and GC', async () => {
    monitor = new PerformanceMonitor({ samplingIntervalMs: 50 });
    monitor.startMonitoring();
    await sleep(30);
    spin(150);
    churn(1_000_000);
    await sleep(80);
    const m = monitor.stopMonitoring();
    const sum = (f: (s: (typeof m.snapshots)[number]) => number) =>
      m.snapshots.reduce((a, s) => a + f(s), 0);
    expect(m.cpuUserMs).toBeCloseTo(
      sum((s) => s.cpuUserMs),
      6,
    );
    expect(m.cpuPercentAvg).toBeCloseTo(
      ((m.cpuUserMs + m.cpuSystemMs) / sum((s) => s.windowMs)) * 100,
      6,
    );
    expect(m.cpuPercentPeak).toBe(Math.max(...m.snapshots.map((s) => s.cpuPercent)));
    expect(m.cpuPercentPeak).toBeGreaterThan(10);
    expect(m.rssBytesAvg).toBeCloseTo(sum((s) => s.rssBytes) / m.sampleCount, 3);
    expect(m.heapUsedBytesPeak).toBe(Math.max(...m.snapshots.map((s) => s.heapUsedBytes)));
    expect(m.eventLoopDelayMaxMs).toBeGreaterThanOrEqual(100);
    expect(m.eventLoopDelayP50Ms).toBeLessThanOrEqual(m.eventLoopDelayP99Ms);
    expect(m.eventLoopUtilization).toBeGreaterThan(0);
    expect(m.activeHandlesPeak).toBeGreaterThan(0);
    expect(m.gcCount).toBeGreaterThan(0);
    expect(m.gcCountByKind.minor).toBeGreaterThan(0);
    expect(m.gcTotalPauseMs).toBeGreaterThan(0);
    expect(m.gcMaxPauseMs).toBeLessThanOrEqual(m.gcTotalPauseMs);
  });

  it('keeps a bounded number of snapshots', async () => {
    monitor = new PerformanceMonitor({ samplingIntervalMs: 10, maxSnapshots: 3 });
    await onVirtualTime(async () => {
      monitor!.startMonitoring();
      await jest.advanceTimersByTimeAsync(150);
    });
    const m = monitor.stopMonitoring();
    expect(m.sampleCount).toBe(16); // 15 ticks and the last sample on stop
    expect(m.sampleCount).toBeGreaterThan(3);
    expect(m.snapshots).toHaveLength(3);
    expect(m.snapshots.at(-1)).toBe(monitor.lastSnapshot);
  });

  it('begins a fresh run on restart', async () => {
    monitor = new PerformanceMonitor({ samplingIntervalMs: 20 });
    await onVirtualTime(async () => {
      monitor!.startMonitoring();
      await jest.advanceTimersByTimeAsync(100);
    });
    const first = monitor.stopMonitoring();
    expect(first.sampleCount).toBe(6);
    monitor.startMonitoring();
    monitor.takeSnapshot();
    const second = monitor.metrics;
    expect(second.sampleCount).toBe(1);
    expect(second.startTime!).toBeGreaterThan(first.endTime! - 1);
  });

  it('takes a snapshot on demand only while running', () => {
    monitor = new PerformanceMonitor();
    expect(() => monitor!.takeSnapshot()).toThrow(/not active.*startMonitoring/);
    monitor.startMonitoring();
    const s = monitor.takeSnapshot();
    expect(monitor.metrics.snapshots).toEqual([s]);
  });

  it('keeps running when a sample fails, and reports it', async () => {
    const errors: unknown[] = [];
    monitor = new PerformanceMonitor(
      { samplingIntervalMs: 20 },
      { onError: (fault) => errors.push(fault.error) },
    );
    const original = process.memoryUsage;
    let failures = 2;
    const flaky = Object.assign(
      () => {
        if (failures-- > 0) throw new Error('EMFILE reading /proc');
        return original();
      },
      { rss: original.rss },
    );
    process.memoryUsage = flaky;
    jest.useFakeTimers({ doNotFake: ['performance', 'hrtime', 'nextTick'] });
    try {
      monitor.startMonitoring();
      await jest.advanceTimersByTimeAsync(200);
    } finally {
      jest.useRealTimers();
      process.memoryUsage = original;
    }
    const m = monitor.stopMonitoring();
    expect(monitor.sampleErrors).toBe(2);
    expect(errors).toHaveLength(2);
    expect((errors[0] as Error).message).toBe('EMFILE reading /proc');
    expect(m.sampleCount).toBeGreaterThan(2);
  });

  it('never keeps the process alive', () => {
    const out = runFixture('keepsRunning.ts', [], 30_000);
    // The process printed and exited on its own, although the monitor was never stopped.
    expect(out).toMatch(/sampled [1-9]\d* state=running/);
  });

  describe('monitorContext', () => {
    it('monitors the callback and returns its result', async () => {
      monitor = new PerformanceMonitor({ samplingIntervalMs: 20 });
      const result = await onVirtualTime(async () => {
        const running = monitor!.monitorContext(async (m) => {
          expect(m).toBe(monitor);
          expect(m.state).toBe('running');
          await sleep(60);
          return 42;
        });
        await jest.advanceTimersByTimeAsync(60);
        return running;
      });
      expect(result).toBe(42);
      expect(monitor.state).toBe('stopped');
      expect(monitor.metrics.sampleCount).toBeGreaterThanOrEqual(2);
    });

    it('stops and rethrows when the callback throws', async () => {
      monitor = new PerformanceMonitor({ samplingIntervalMs: 20 });
      const boom = new Error('boom');
      await expect(
        monitor.monitorContext(() => {
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(monitor.state).toBe('stopped');
      expect(monitor.metrics.sampleCount).toBe(1);
    });

    it('refuses to nest on a running monitor', async () => {
      monitor = new PerformanceMonitor();
      monitor.startMonitoring();
      await expect(monitor.monitorContext(() => 1)).rejects.toBeInstanceOf(PerformanceMonitorError);
      expect(monitor.state).toBe('running');
    });
  });

  describe('profileFunction', () => {
    it('profiles sync and async functions with arguments and keeps the profiles', async () => {
      monitor = new PerformanceMonitor();
      function work(ms: number): number {
        return spin(ms);
      }
      const p1 = await monitor.profileFunction(work, 30);
      const p2 = await monitor.profileFunction(
        async (a: string, b: string) => {
          await sleep(30);
          return a + b;
        },
        'x',
        'y',
      );
      expect(p1.functionName).toBe('work');
      expect(p1.success).toBe(true);
      expect(p1.executionTimeMs).toBeGreaterThanOrEqual(29);
      expect(p1.cpuUserMs + p1.cpuSystemMs).toBeGreaterThan(1);
      expect(p2.executionTimeMs).toBeGreaterThanOrEqual(25);
      expect(monitor.metrics.functionProfiles).toEqual([p1, p2]);
      expect(monitor.metrics.functionProfileCount).toBe(2);
    });

    it('rethrows the error and still records the profile', async () => {
      monitor = new PerformanceMonitor();
      const boom = new Error('failed');
      const fail = async () => {
        await sleep(10);
        throw boom;
      };
      const caught = await monitor.profileFunction(fail).catch((e: unknown) => e);
      expect(caught).toBe(boom);
      const profile = getErrorProfile(boom)!;
      expect(profile.success).toBe(false);
      expect(profile.error).toBe(boom);
      expect(profile.functionName).toBe('fail');
      expect(monitor.metrics.functionProfiles).toEqual([profile]);
    });

    it('keeps at most maxFunctionProfiles', async () => {
      monitor = new PerformanceMonitor({ maxFunctionProfiles: 2 });
      for (let i = 0; i < 5; i++) await monitor.profileFunction(() => i);
      expect(monitor.metrics.functionProfiles).toHaveLength(2);
      expect(monitor.metrics.functionProfileCount).toBe(5);
    });
  });
});

import { MetricsAccumulator } from '../../src/monitor/metricsAccumulator.js';
import type { PerformanceSnapshot } from '../../src/model/performanceSnapshot.js';
import type { FunctionProfileResult } from '../../src/model/functionProfileResult.js';

function snap(over: Partial<PerformanceSnapshot>): PerformanceSnapshot {
  return {
    timestamp: 0,
    windowMs: 100,
    cpuPercent: 0,
    cpuUserMs: 0,
    cpuSystemMs: 0,
    rssBytes: 0,
    heapUsedBytes: 0,
    heapTotalBytes: 0,
    externalBytes: 0,
    arrayBuffersBytes: 0,
    eventLoopDelayP50Ms: 0,
    eventLoopDelayP99Ms: 0,
    eventLoopDelayMaxMs: 0,
    eventLoopUtilization: 0,
    activeHandles: undefined,
    gcCount: 0,
    gcPauseMs: 0,
    ...over,
  };
}

const run = {
  startTime: 1000,
  endTime: undefined,
  now: 1500,
  eventLoopDelay: undefined,
  gc: undefined,
};

describe('MetricsAccumulator', () => {
  it('reports zeros with no samples', () => {
    const m = new MetricsAccumulator(10, 10).toMetrics({ ...run, startTime: undefined });
    expect(m.sampleCount).toBe(0);
    expect(m.durationMs).toBe(0);
    expect(m.cpuPercentAvg).toBe(0);
    expect(m.rssBytesAvg).toBe(0);
    expect(m.gcCountByKind).toEqual({ minor: 0, major: 0, incremental: 0, weakcb: 0 });
    expect(m.snapshots).toEqual([]);
    // Every average is 0, not NaN, without samples.
    expect(m.heapUsedBytesAvg).toBe(0);
    expect(m.eventLoopUtilization).toBe(0);
    expect(m.activeHandlesAvg).toBe(0);
    expect(m.gcCount).toBe(0);
    expect(m.gcTotalPauseMs).toBe(0);
    expect(m.gcMaxPauseMs).toBe(0);
    expect([m.eventLoopDelayP50Ms, m.eventLoopDelayP99Ms, m.eventLoopDelayMaxMs]).toEqual([
      0, 0, 0,
    ]);
    expect(m.functionProfileCount).toBe(0);
  });

  it('never reports a negative duration when the clock stepped back', () => {
    const m = new MetricsAccumulator(10, 10).toMetrics({ ...run, startTime: 2000, now: 1500 });
    expect(m.durationMs).toBe(0);
  });

  it('weights CPU and utilization by window length, memory per sample', () => {
    const acc = new MetricsAccumulator(10, 10);
    // 100 ms at 50% then 300 ms at 10%: 80 ms of CPU in 400 ms = 20%.
    acc.addSnapshot(
      snap({
        windowMs: 100,
        cpuUserMs: 40,
        cpuSystemMs: 10,
        cpuPercent: 50,
        rssBytes: 100,
        eventLoopUtilization: 1,
      }),
    );
    acc.addSnapshot(
      snap({
        windowMs: 300,
        cpuUserMs: 20,
        cpuSystemMs: 10,
        cpuPercent: 10,
        rssBytes: 300,
        eventLoopUtilization: 0,
      }),
    );
    const m = acc.toMetrics(run);
    expect(m.cpuPercentAvg).toBeCloseTo(20);
    expect(m.cpuPercentPeak).toBe(50);
    expect(m.cpuUserMs).toBe(60);
    expect(m.cpuSystemMs).toBe(20);
    expect(m.rssBytesAvg).toBe(200);
    expect(m.rssBytesPeak).toBe(300);
    expect(m.eventLoopUtilization).toBeCloseTo(0.25);
  });

  it('keeps only the most recent snapshots but aggregates all of them', () => {
    const acc = new MetricsAccumulator(2, 10);
    for (let i = 1; i <= 5; i++) {
      acc.addSnapshot(
        snap({ timestamp: i, heapUsedBytes: i * 10, heapTotalBytes: i * 20, externalBytes: i }),
      );
    }
    const m = acc.toMetrics(run);
    expect(m.sampleCount).toBe(5);
    expect(m.snapshots.map((s) => s.timestamp)).toEqual([4, 5]);
    expect(m.heapUsedBytesAvg).toBe(30);
    expect(m.heapUsedBytesPeak).toBe(50);
    expect(m.heapTotalBytesPeak).toBe(100);
    expect(m.externalBytesPeak).toBe(5);
    expect(acc.lastSnapshot?.timestamp).toBe(5);
  });

  it('averages handles over the samples that measured them', () => {
    const acc = new MetricsAccumulator(10, 10);
    acc.addSnapshot(snap({ activeHandles: 4 }));
    acc.addSnapshot(snap({ activeHandles: undefined }));
    acc.addSnapshot(snap({ activeHandles: 8 }));
    const m = acc.toMetrics(run);
    expect(m.activeHandlesAvg).toBe(6);
    expect(m.activeHandlesPeak).toBe(8);
  });

  it('takes duration, event-loop and GC figures from the run', () => {
    const acc = new MetricsAccumulator(10, 10);
    const m = acc.toMetrics({
      startTime: 1000,
      endTime: 1250,
      now: 9999,
      eventLoopDelay: { p50Ms: 1, p99Ms: 9, maxMs: 20 },
      gc: {
        count: 3,
        countByKind: { minor: 2, major: 1, incremental: 0, weakcb: 0 },
        totalPauseMs: 6,
        maxPauseMs: 4,
      },
    });
    expect(m.durationMs).toBe(250);
    expect(m.endTime).toBe(1250);
    expect([m.eventLoopDelayP50Ms, m.eventLoopDelayP99Ms, m.eventLoopDelayMaxMs]).toEqual([
      1, 9, 20,
    ]);
    expect(m.gcCount).toBe(3);
    expect(m.gcCountByKind.major).toBe(1);
    expect(m.gcTotalPauseMs).toBe(6);
    expect(m.gcMaxPauseMs).toBe(4);
    expect(acc.toMetrics(run).durationMs).toBe(500);
  });

  it('keeps a bounded list of function profiles and counts them all', () => {
    const acc = new MetricsAccumulator(10, 2);
    for (const name of ['a', 'b', 'c']) {
      acc.addProfile({ functionName: name } as FunctionProfileResult);
    }
    const m = acc.toMetrics(run);
    expect(m.functionProfiles.map((p) => p.functionName)).toEqual(['b', 'c']);
    expect(m.functionProfileCount).toBe(3);
  });

  it('returns frozen metrics', () => {
    const m = new MetricsAccumulator(10, 10).toMetrics(run);
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.snapshots)).toBe(true);
    expect(Object.isFrozen(m.functionProfiles)).toBe(true);
    expect(Object.isFrozen(m.gcCountByKind)).toBe(true);
  });
});

import { getPerformanceSummary } from '../../src/summary/getPerformanceSummary.js';
import { PerformanceMonitor } from '../../src/monitor/performanceMonitor.js';
import type { PerformanceMetrics } from '../../src/model/performanceMetrics.js';
import type { FunctionProfileResult } from '../../src/model/functionProfileResult.js';
import { sleep } from '@lexigram/test-support';

describe('getPerformanceSummary', () => {
  it('summarises metrics into the reference dictionary', () => {
    // Figures the summary carries over as they are.
    const figures = {
      durationMs: 1500,
      sampleCount: 15,
      cpuPercentAvg: 12.5,
      cpuPercentPeak: 80,
      rssBytesAvg: 100,
      rssBytesPeak: 150,
      heapUsedBytesAvg: 50,
      heapUsedBytesPeak: 70,
      eventLoopDelayP99Ms: 3,
      eventLoopUtilization: 0.2,
      gcCount: 4,
      gcTotalPauseMs: 2.5,
      activeHandlesAvg: 3.5,
      activeHandlesPeak: 6,
    };
    const metrics = {
      ...figures,
      snapshots: new Array(10).fill({}),
      functionProfiles: [
        { success: true },
        { success: false },
        { success: false },
      ] as FunctionProfileResult[],
      functionProfileCount: 5,
    } as unknown as PerformanceMetrics;
    expect(getPerformanceSummary(metrics)).toEqual({
      ...figures,
      snapshotCount: 10,
      profiledCallCount: 5,
      failedCallCount: 2,
      hasProfileData: true,
    });
  });

  it('says there is no profile data when nothing was profiled', async () => {
    const monitor = new PerformanceMonitor({ samplingIntervalMs: 20 });
    jest.useFakeTimers({ doNotFake: ['performance', 'hrtime', 'nextTick'] });
    try {
      const running = monitor.monitorContext(() => sleep(50));
      await jest.advanceTimersByTimeAsync(50);
      await running;
    } finally {
      jest.useRealTimers();
    }
    const summary = getPerformanceSummary(monitor.metrics);
    expect(summary.hasProfileData).toBe(false);
    expect(summary.sampleCount).toBe(monitor.metrics.sampleCount);
    expect(summary.sampleCount).toBeGreaterThanOrEqual(2);
    expect(summary.rssBytesAvg).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    await monitor.profileFunction(() => 1);
    expect(getPerformanceSummary(monitor.metrics).hasProfileData).toBe(true);
  });
});

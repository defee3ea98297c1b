import type { RuntimeStatsProtocol } from '@lexigram/monitor-core';
import { PerformanceMonitor } from '../../src/monitor/performanceMonitor.js';

describe('PerformanceMonitor as RuntimeStatsProtocol', () => {
  it('gives the latest snapshot, undefined before the first', () => {
    const monitor = new PerformanceMonitor({ samplingIntervalMs: 3_600_000 });
    const runtime: RuntimeStatsProtocol = monitor;
    expect(runtime.getRuntimeStats()).toBeUndefined();
    monitor.startMonitoring();
    const snapshot = monitor.takeSnapshot();
    expect(runtime.getRuntimeStats()).toBe(monitor.lastSnapshot);
    expect(runtime.getRuntimeStats()?.heapUsedBytes).toBe(snapshot.heapUsedBytes);
    monitor.stopMonitoring();
  });
});

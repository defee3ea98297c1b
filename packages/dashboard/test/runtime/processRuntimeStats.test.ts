import { ProcessRuntimeStats } from '../../src/runtime/processRuntimeStats.js';

describe('ProcessRuntimeStats', () => {
  it('gives figures only while started, each window starting after the previous read', () => {
    const stats = new ProcessRuntimeStats();
    expect(stats.getRuntimeStats()).toBeUndefined();
    stats.start();
    const first = stats.getRuntimeStats()!;
    expect(first.heapUsedBytes).toBeGreaterThan(0);
    expect(first.rssBytes).toBeGreaterThanOrEqual(first.heapUsedBytes);
    expect(first.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(first.activeHandles).toEqual(expect.any(Number));
    expect(first.gcCount).toBeGreaterThanOrEqual(0);
    stats.stop();
    expect(stats.getRuntimeStats()).toBeUndefined();
  });
});

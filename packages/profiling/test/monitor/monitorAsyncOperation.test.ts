import { PerformanceMonitorError } from '@lexigram/monitor-core';
import { monitorAsyncOperation } from '../../src/monitor/monitorAsyncOperation.js';
import type { PerformanceMonitor } from '../../src/monitor/performanceMonitor.js';
import { sleep } from '@lexigram/test-support';

describe('monitorAsyncOperation', () => {
  it('runs the callback under a fresh running monitor and returns its result', async () => {
    let seen: PerformanceMonitor | undefined;
    const result = await monitorAsyncOperation({ samplingIntervalMs: 20 }, async (monitor) => {
      seen = monitor;
      expect(monitor.state).toBe('running');
      expect(monitor.config.samplingIntervalMs).toBe(20);
      await sleep(70);
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen!.state).toBe('stopped');
    expect(seen!.metrics.sampleCount).toBeGreaterThanOrEqual(2);
    expect(seen!.metrics.durationMs).toBeGreaterThanOrEqual(60);
  });

  it('works without a config', async () => {
    let interval = 0;
    await monitorAsyncOperation((monitor) => {
      interval = monitor.config.samplingIntervalMs;
    });
    expect(interval).toBe(1000);
  });

  it('stops the monitor and rethrows when the callback fails', async () => {
    let seen: PerformanceMonitor | undefined;
    const boom = new Error('boom');
    await expect(
      monitorAsyncOperation(undefined, async (monitor) => {
        seen = monitor;
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(seen!.state).toBe('stopped');
    expect(seen!.metrics.sampleCount).toBe(1);
  });

  it('rejects a missing callback and bad config', async () => {
    await expect(monitorAsyncOperation({} as never)).rejects.toBeInstanceOf(
      PerformanceMonitorError,
    );
    await expect(monitorAsyncOperation({ maxSnapshots: 0 }, () => 1)).rejects.toThrow(
      /maxSnapshots must be at least 1/,
    );
  });
});

import type { MonitorContribution } from '@lexigram/monitor-core';
import { RuntimeMetricsPublisher } from './publish/runtimeMetricsPublisher.js';

/**
 * What this package adds to `createMonitor`: runtime metrics (CPU, memory, event loop, GC)
 * published into the metrics collector from `start()` until shutdown.
 */
export const monitorContribution: MonitorContribution = {
  part: 'profiling',
  setup(assembly) {
    const meter = assembly.meter;
    if (!meter) return;
    const publisher = new RuntimeMetricsPublisher(meter);
    assembly.provide('runtimeMetrics', publisher);
    assembly.onStart('runtime metrics', () => publisher.start());
    assembly.onShutdown('runtime metrics', 'close', () => publisher.stop());
  },
};

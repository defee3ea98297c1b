import type { MonitorContribution } from '@lexigram/monitor-core';
import { MetricsCollector } from './collector/metricsCollector.js';

/**
 * What this package adds to `createMonitor`: the metrics collector, configured by the
 * `metrics` section.
 */
export const monitorContribution: MonitorContribution = {
  part: 'metrics',
  setup(assembly) {
    if (!assembly.config.metrics.enabled) return;
    const collector = new MetricsCollector({ config: assembly.config.metrics });
    assembly.meter = collector;
    assembly.provide('metricsCollector', collector);
  },
};

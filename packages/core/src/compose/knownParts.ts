import type { MonitorPartName } from './monitorContribution.js';

/** The package that contributes each part of a monitor. */
export const KNOWN_MONITOR_PACKAGES: Readonly<Record<MonitorPartName, string>> = Object.freeze({
  metrics: '@lexigram/monitor-metrics',
  otlp: '@lexigram/monitor-backend-otel',
  tracing: '@lexigram/monitor-tracing',
  health: '@lexigram/monitor-health',
  profiling: '@lexigram/monitor-profiling',
  slo: '@lexigram/monitor-slo',
  middleware: '@lexigram/monitor-middleware',
});

/**
 * @lexigram/monitor-metrics: fast in-process metrics for Lexigram Monitor. Counter, Gauge,
 * Histogram and Summary with bound handles, the in-memory MetricsCollector, the
 * BufferedMetricRecorder, the console exporter and its registry, and `metered`.
 *
 * @packageDocumentation
 */

// Instruments
export { Counter } from './instruments/counter.js';
export { CounterHandle } from './instruments/counterHandle.js';
export { Gauge } from './instruments/gauge.js';
export { GaugeHandle } from './instruments/gaugeHandle.js';
export { Histogram } from './instruments/histogram.js';
export { HistogramHandle } from './instruments/histogramHandle.js';
export { Summary } from './instruments/summary.js';
export { SummarySeries } from './instruments/summarySeries.js';
export {
  DEFAULT_AGE_BUCKETS,
  DEFAULT_MAX_AGE_MS,
  DEFAULT_QUANTILES,
  type SummaryWindow,
} from './instruments/summaryWindow.js';
export {
  DEFAULT_MAX_SERIES,
  type CounterOptions,
  type GaugeInstrumentOptions,
  type HistogramInstrumentOptions,
  type RuntimeOptions,
  type SummaryInstrumentOptions,
} from './instruments/instrumentOptions.js';

// Names
export {
  OVERFLOW_LABEL,
  toMetricName,
  prometheusMetricName,
  validateLabelName,
  validateMetricName,
} from './validation/names.js';

// Collector
export {
  DEFAULT_COLLECT_TIMEOUT_MS,
  MetricsCollector,
  type MetricsCollectorOptions,
} from './collector/metricsCollector.js';
/**
 * @deprecated Moved to `@lexigram/monitor-core`; import it from there. Re-exported here for one
 * minor version.
 */
export { MetricCollectionError } from '@lexigram/monitor-core';

// Faults
export {
  defaultMetricsLogger,
  type FaultOptions,
  type MetricsLogger,
} from './logging/metricsFaults.js';

// Buffered recording
export {
  BufferedMetricRecorder,
  type BufferedMetricRecorderOptions,
} from './buffered/bufferedMetricRecorder.js';
export type { BufferedMetricEntry } from './buffered/bufferedMetricEntry.js';
export type { AsyncRecordMetricBackend, BufferedMetricBackend } from './buffered/metricSink.js';

// Export
export type { MetricsExporter, MetricsExporterConfig } from './export/metricsExporter.js';
export {
  ConsoleMetricsExporter,
  type ConsoleMetricsExporterOptions,
  type LineSink,
} from './export/consoleMetricsExporter.js';
export { ConsoleMetricsExporterHandler } from './export/consoleMetricsExporterHandler.js';
export { MetricsExporterRegistry } from './export/metricsExporterRegistry.js';
export {
  PeriodicMetricsExporter,
  type PeriodicMetricsExporterOptions,
} from './export/periodicMetricsExporter.js';

// metered
export { metered, meteredFunction, type MeteredOptions } from './metered/metered.js';
export { defaultMeteredName } from './metered/meteredName.js';
export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
export { monitorContribution } from './monitorContribution.js';

import type { Labels } from '../model/labels.js';
import type { HistogramSeriesReader } from './histogramSeriesReader.js';
import type { MetricFamily, MetricsProducer } from '../model/metricSnapshot.js';
import type {
  CounterProtocol,
  GaugeOptions,
  GaugeProtocol,
  HistogramOptions,
  HistogramProtocol,
  InstrumentOptions,
  MetricProtocol,
  SummaryOptions,
  SummaryProtocol,
} from './metric.js';

/**
 * Central metrics collection: creates instruments (get-or-create by name), records by name, and
 * snapshots everything for backends through `collect()`.
 */
export interface MetricsCollectorProtocol extends MetricsProducer {
  /** Register an instrument created elsewhere. */
  registerMetric(metric: MetricProtocol): void;
  createCounter(name: string, description?: string, options?: InstrumentOptions): CounterProtocol;
  createGauge(name: string, description?: string, options?: GaugeOptions): GaugeProtocol;
  createHistogram(
    name: string,
    description?: string,
    options?: HistogramOptions,
  ): HistogramProtocol;
  createSummary(name: string, description?: string, options?: SummaryOptions): SummaryProtocol;
  /** The metric registered under `name` (prefix applied), or undefined. */
  getMetric(name: string): MetricProtocol | undefined;
  /** Every registered metric by name. */
  getAllMetrics(): ReadonlyMap<string, MetricProtocol>;
  /** Increment the counter `name` (created on first use) by `value` (default 1). */
  increment(name: string, value?: number, labels?: Labels): void;
  /** Set the gauge `name` (created on first use). */
  setGauge(name: string, value: number, labels?: Labels): void;
  /** Observe `value` on the histogram `name` (created on first use). */
  recordHistogram(name: string, value: number, labels?: Labels): void;
  /**
   * Snapshot only the metrics named in `names` (each resolved as `getMetric` does: prefixed name
   * first, then the name as given), in registration order; unknown names are skipped. Same
   * guarantees as `collect()`. For readers that need a few families out of many (the dashboard
   * reads the HTTP server metrics once a second) without paying for every series. Optional: a
   * reader falls back to `collect()` and filters.
   */
  collectFamilies?(names: readonly string[]): Promise<MetricFamily[]>;
  /**
   * The histogram `name` (resolved as `getMetric` does) read in place, or undefined when there
   * is no histogram of that name here. Optional: a reader falls back to `collectFamilies` or
   * `collect()`.
   */
  readHistogram?(name: string): HistogramSeriesReader | undefined;
}

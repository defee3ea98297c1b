import type { MetricsBackendProtocol } from '../contracts/metricsBackend.js';
import type { Labels } from '../model/labels.js';
import type { MetricType } from '../model/metricType.js';
import type { MetricValue } from '../model/metricValue.js';

/** Options of {@link InMemoryMetricsBackend}. */
export interface InMemoryMetricsBackendOptions {
  /** Most distinct series kept; the least recently written is evicted past it. Default 10000. */
  maxSeries?: number;
}

/**
 * A metrics backend that keeps the latest value of each series in memory (counters summed,
 * gauges and observations last-value): the `memory` backend type, useful in development and
 * tests. Memory is bounded by `maxSeries`.
 */
export class InMemoryMetricsBackend implements MetricsBackendProtocol {
  private readonly series = new Map<string, MetricValue>();
  private readonly maxSeries: number;
  private evictedCount = 0;

  constructor(options: InMemoryMetricsBackendOptions = {}) {
    this.maxSeries = options.maxSeries ?? 10_000;
  }

  initialize(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  recordMetric(name: string, value: number, metricType: MetricType, labels: Labels = {}): void {
    const key = seriesKey(name, metricType, labels);
    const previous = this.series.get(key);
    const next: MetricValue = {
      name,
      type: metricType,
      labels: { ...labels },
      value: metricType === 'counter' && previous ? previous.value + value : value,
      timestampMs: Date.now(),
    };
    // Delete first so Map order tracks recency and eviction drops the least recent series.
    this.series.delete(key);
    this.series.set(key, next);
    if (this.series.size > this.maxSeries) {
      this.series.delete(this.series.keys().next().value!);
      this.evictedCount++;
    }
  }

  /** The latest value of every series. */
  values(): MetricValue[] {
    return [...this.series.values()];
  }

  /** The latest value of one series, if recorded. */
  get(name: string, metricType: MetricType, labels: Labels = {}): MetricValue | undefined {
    return this.series.get(seriesKey(name, metricType, labels));
  }

  /** Series evicted because `maxSeries` was reached. */
  get evicted(): number {
    return this.evictedCount;
  }

  /** Forget everything. */
  clear(): void {
    this.series.clear();
  }
}

function seriesKey(name: string, metricType: MetricType, labels: Labels): string {
  const keys = Object.keys(labels).sort();
  // JSON encoding keeps keys and values apart whatever characters they hold.
  return JSON.stringify([name, metricType, keys.map((k) => [k, labels[k]])]);
}

import type {
  BoundCounter,
  BoundObserver,
  CounterProtocol,
  GaugeProtocol,
  HistogramProtocol,
  InstrumentOptions,
  Labels,
  MetricFamily,
  MetricProtocol,
  MetricsCollectorProtocol,
  SummaryProtocol,
} from '@lexigram/monitor-core';

/** One recorded observation. */
export interface Recorded {
  readonly metric: string;
  readonly kind: 'counter' | 'histogram';
  readonly value: number;
  readonly labels: Labels;
}

/**
 * A small fake of core's MetricsCollectorProtocol that records every counter increment and
 * histogram observation, so tests can check what instrumentation recorded without the metrics
 * package.
 */
export class RecordingMetricsCollector implements MetricsCollectorProtocol {
  readonly records: Recorded[] = [];
  readonly created: { name: string; description?: string; options?: InstrumentOptions }[] = [];
  private readonly metrics = new Map<string, MetricProtocol>();

  createCounter(name: string, description?: string, options?: InstrumentOptions): CounterProtocol {
    this.created.push({ name, description, options });
    const record = (value: number, labels: Labels = {}) =>
      this.records.push({ metric: name, kind: 'counter', value, labels });
    const counter: CounterProtocol = {
      name,
      description: description ?? '',
      record,
      inc: (value = 1, labels) => record(value, labels),
      labels: (labels): BoundCounter => ({
        inc: (v = 1) => record(v, labels),
        record: (v) => record(v, labels),
        get: () => 0,
      }),
      remove: () => false,
      reset: () => {},
    };
    this.metrics.set(name, counter);
    return counter;
  }

  createHistogram(
    name: string,
    description?: string,
    options?: InstrumentOptions,
  ): HistogramProtocol {
    this.created.push({ name, description, options });
    const record = (value: number, labels: Labels = {}) =>
      this.records.push({ metric: name, kind: 'histogram', value, labels });
    const histogram: HistogramProtocol = {
      name,
      description: description ?? '',
      record,
      observe: record,
      labels: (labels): BoundObserver => ({
        observe: (v) => record(v, labels),
        record: (v) => record(v, labels),
        startTimer: () => () => 0,
      }),
      startTimer: () => () => 0,
      remove: () => false,
      reset: () => {},
    };
    this.metrics.set(name, histogram);
    return histogram;
  }

  createGauge(): GaugeProtocol {
    throw new Error('not used by these tests');
  }

  createSummary(): SummaryProtocol {
    throw new Error('not used by these tests');
  }

  registerMetric(metric: MetricProtocol): void {
    this.metrics.set(metric.name, metric);
  }

  getMetric(name: string): MetricProtocol | undefined {
    return this.metrics.get(name);
  }

  getAllMetrics(): ReadonlyMap<string, MetricProtocol> {
    return this.metrics;
  }

  increment(name: string, value = 1, labels?: Labels): void {
    this.records.push({ metric: name, kind: 'counter', value, labels: labels ?? {} });
  }

  setGauge(): void {}

  recordHistogram(name: string, value: number, labels?: Labels): void {
    this.records.push({ metric: name, kind: 'histogram', value, labels: labels ?? {} });
  }

  async collect(): Promise<MetricFamily[]> {
    return [];
  }
}

import type {
  BoundCounter,
  BoundGauge,
  BoundObserver,
  CounterProtocol,
  GaugeOptions,
  GaugeProtocol,
  HistogramOptions,
  InstrumentOptions,
  SummaryOptions,
  HistogramProtocol,
  MetricProtocol,
  SummaryProtocol,
} from '../contracts/metric.js';
import type { MetricsCollectorProtocol } from '../contracts/metricsCollector.js';
import type { Labels } from '../model/labels.js';
import type { MetricFamily } from '../model/metricSnapshot.js';

const NOOP_TIMER = (): number => 0;
const EMPTY_METRICS: ReadonlyMap<string, MetricProtocol> = new Map();

/**
 * A metrics collector that drops every observation. It is also every instrument it creates
 * (`createCounter` returns the collector itself) and every bound handle, so recording through it
 * allocates nothing.
 */
export class NoOpMetricsCollector
  implements
    MetricsCollectorProtocol,
    CounterProtocol,
    GaugeProtocol,
    HistogramProtocol,
    SummaryProtocol,
    BoundCounter,
    BoundGauge,
    BoundObserver
{
  /** Placeholder metric name. */
  readonly name = 'noop';
  /** Placeholder metric description. */
  readonly description = '';

  /** Ignores pre-created metrics. */
  registerMetric(_metric: MetricProtocol): void {}
  /** Returns the collector itself. */
  createCounter(_name: string, _description?: string, _options?: InstrumentOptions): this {
    return this;
  }
  /** Returns the collector itself. */
  createGauge(_name: string, _description?: string, _options?: GaugeOptions): this {
    return this;
  }
  /** Returns the collector itself. */
  createHistogram(_name: string, _description?: string, _options?: HistogramOptions): this {
    return this;
  }
  /** Returns the collector itself. */
  createSummary(_name: string, _description?: string, _options?: SummaryOptions): this {
    return this;
  }
  /** Always undefined. */
  getMetric(_name: string): MetricProtocol | undefined {
    return undefined;
  }
  /** Always empty. */
  getAllMetrics(): ReadonlyMap<string, MetricProtocol> {
    return EMPTY_METRICS;
  }
  /** Ignores counter increments. */
  increment(_name: string, _value?: number, _labels?: Labels): void {}
  /** Ignores gauge values. */
  setGauge(_name: string, _value: number, _labels?: Labels): void {}
  /** Ignores histogram samples. */
  recordHistogram(_name: string, _value: number, _labels?: Labels): void {}
  /** Always an empty snapshot. */
  collect(): Promise<MetricFamily[]> {
    return Promise.resolve([]);
  }

  /** Ignores recorded values. */
  record(_value: number, _labels?: Labels): void {}
  inc(_value?: number, _labels?: Labels): void {}
  dec(_value?: number, _labels?: Labels): void {}
  set(_value: number, _labels?: Labels): void {}
  observe(_value: number, _labels?: Labels): void {}
  /** Always 0. */
  get(): number {
    return 0;
  }
  /** Returns the collector itself. */
  labels(_labels: Labels): this {
    return this;
  }
  /** A timer that measures nothing and returns 0. */
  startTimer(_labels?: Labels): () => number {
    return NOOP_TIMER;
  }
  /** Always false. */
  remove(_labels: Labels): boolean {
    return false;
  }
  reset(): void {}
}

/** The shared no-op metrics collector. */
export const NOOP_METRICS_COLLECTOR: NoOpMetricsCollector = new NoOpMetricsCollector();

import {
  InvalidMetricError,
  NOOP_METRICS_COLLECTOR,
  prefixedMetricName,
  type CollectableMetric,
  type CounterProtocol,
  type GaugeProtocol,
  type HistogramProtocol,
  type HistogramSeriesReader,
  type InstrumentOptions,
  type Labels,
  type MetricFamily,
  type MetricProtocol,
  type MetricsCollectorProtocol,
  type MetricsConfig,
  type MetricType,
  type SummaryProtocol,
} from '@lexigram/monitor-core';
import type { MetricCollectionError, MonitorFaultHandler } from '@lexigram/monitor-core';
import { Counter } from '../instruments/counter.js';
import { Gauge } from '../instruments/gauge.js';
import { Histogram } from '../instruments/histogram.js';
import type {
  CounterOptions,
  GaugeInstrumentOptions,
  HistogramInstrumentOptions,
  SummaryInstrumentOptions,
} from '../instruments/instrumentOptions.js';
import { Summary } from '../instruments/summary.js';
import { faultSink, metricsFault, type FaultOptions } from '../logging/metricsFaults.js';
import { prometheusMetricName, validateMetricName } from '../validation/names.js';
import { collectWithBudget } from './collectWithBudget.js';
import { parseMetricsConfig } from './metricsConfig.js';
import { validateDurationMs } from '@lexigram/monitor-core/internal';

/** Options of {@link MetricsCollector}. */
export interface MetricsCollectorOptions extends FaultOptions {
  /** Metrics settings (prefix, default labels, buckets, cardinality cap); defaults apply. */
  config?: Partial<MetricsConfig>;
  /** Time budget of each asynchronous gauge callback during `collect()`. Default 1000. */
  collectTimeoutMs?: number;
  /**
   * Called for each metric left out of a `collect()`.
   *
   * @deprecated Use `onError`: each metric left out is a `COLLECT_FAILED` fault whose `error` is
   * the {@link MetricCollectionError}. Kept for one minor version.
   */
  onCollectError?: (error: MetricCollectionError) => void;
}

/** Default time budget of one gauge callback during `collect()`. */
export const DEFAULT_COLLECT_TIMEOUT_MS = 1000;

/**
 * The in-memory metrics collector: creates instruments get-or-create by name (prefix applied),
 * records by name, and snapshots everything with `collect()` in core's `MetricFamily` model.
 * With `config.enabled: false` every instrument is core's no-op and `collect()` is empty.
 *
 * @example
 * ```ts
 * const metrics = new MetricsCollector({ config: { prefix: 'shop', defaultLabels: { env: 'prod' } } });
 * const orders = metrics.createCounter('orders_total', 'Orders placed', { labelNames: ['kind'] });
 * orders.inc(1, { kind: 'web' });
 * metrics.increment('logins_total');
 * const families = await metrics.collect(); // shop_orders_total, shop_logins_total
 * ```
 */
export class MetricsCollector implements MetricsCollectorProtocol {
  /** The parsed metrics settings. */
  readonly config: MetricsConfig;
  private readonly collectTimeoutMs: number;
  private readonly onError: MonitorFaultHandler | undefined;
  private readonly onCollectError: ((error: MetricCollectionError) => void) | undefined;
  private readonly metrics = new Map<string, MetricProtocol>();
  // Prometheus name -> stored name, to refuse two names that map to one Prometheus name.
  private readonly prometheusNames = new Map<string, string>();
  private readonly collectables: CollectableMetric[] = [];
  // By unprefixed name, so `increment(name)` skips building the prefixed name on every call.
  private readonly counters = new Map<string, CounterProtocol>();
  private readonly gauges = new Map<string, GaugeProtocol>();
  private readonly histograms = new Map<string, HistogramProtocol>();

  constructor(options: MetricsCollectorOptions = {}) {
    this.config = parseMetricsConfig(options.config);
    this.collectTimeoutMs = validateDurationMs(options.collectTimeoutMs, 'collectTimeoutMs', {
      fallback: DEFAULT_COLLECT_TIMEOUT_MS,
      source: 'MetricsCollector options',
    });
    this.onError = faultSink(options);
    this.onCollectError = options.onCollectError;
  }

  /** Register an instrument created elsewhere under its own name (no prefix is added). */
  registerMetric(metric: MetricProtocol): void {
    if (!this.config.enabled) return;
    validateMetricName(metric?.name);
    const existing = this.metrics.get(metric.name);
    if (existing === metric) return;
    if (existing !== undefined) {
      throw new InvalidMetricError(
        `A different metric named "${metric.name}" is already registered: use a distinct name, or fetch the existing one with getMetric().`,
      );
    }
    this.add(metric.name, metric);
  }

  /** The counter `name` (prefix applied), created on first call. */
  createCounter(name: string, description = '', options: CounterOptions = {}): CounterProtocol {
    if (!this.config.enabled) return NOOP_METRICS_COLLECTOR;
    return this.getOrCreate(
      name,
      'counter',
      (full) => new Counter(full, description, this.withDefaults(options)),
    ) as CounterProtocol;
  }

  /** The gauge `name` (prefix applied), created on first call. */
  createGauge(name: string, description = '', options: GaugeInstrumentOptions = {}): GaugeProtocol {
    if (!this.config.enabled) return NOOP_METRICS_COLLECTOR;
    return this.getOrCreate(
      name,
      'gauge',
      (full) => new Gauge(full, description, this.withDefaults(options)),
    ) as GaugeProtocol;
  }

  /** The histogram `name` (prefix applied), created on first call; buckets default to config's. */
  createHistogram(
    name: string,
    description = '',
    options: HistogramInstrumentOptions = {},
  ): HistogramProtocol {
    if (!this.config.enabled) return NOOP_METRICS_COLLECTOR;
    return this.getOrCreate(
      name,
      'histogram',
      (full) =>
        new Histogram(full, description, {
          ...this.withDefaults(options),
          buckets: options.buckets ?? this.config.histogramBuckets,
        }),
    ) as HistogramProtocol;
  }

  /** The summary `name` (prefix applied), created on first call. */
  createSummary(
    name: string,
    description = '',
    options: SummaryInstrumentOptions = {},
  ): SummaryProtocol {
    if (!this.config.enabled) return NOOP_METRICS_COLLECTOR;
    return this.getOrCreate(
      name,
      'summary',
      (full) => new Summary(full, description, this.withDefaults(options)),
    ) as SummaryProtocol;
  }

  /** The metric registered as `name` with the prefix applied, else as `name` itself. */
  getMetric(name: string): MetricProtocol | undefined {
    return this.metrics.get(prefixedMetricName(this.config, name)) ?? this.metrics.get(name);
  }

  /** A copy of every registered metric by full name, in registration order. */
  getAllMetrics(): ReadonlyMap<string, MetricProtocol> {
    return new Map(this.metrics);
  }

  /** Increment the counter `name` (created on first use) by `value` (default 1). */
  increment(name: string, value = 1, labels?: Labels): void {
    const counter =
      this.counters.get(name) ?? remember(this.counters, name, this.createCounter(name));
    counter.inc(value, labels);
  }

  /** Set the gauge `name` (created on first use). */
  setGauge(name: string, value: number, labels?: Labels): void {
    const gauge = this.gauges.get(name) ?? remember(this.gauges, name, this.createGauge(name));
    gauge.set(value, labels);
  }

  /** Observe `value` on the histogram `name` (created on first use). */
  recordHistogram(name: string, value: number, labels?: Labels): void {
    const histogram =
      this.histograms.get(name) ?? remember(this.histograms, name, this.createHistogram(name));
    histogram.observe(value, labels);
  }

  /**
   * Snapshot every collectable metric, in registration order. Gauge callbacks run concurrently,
   * each under `collectTimeoutMs`; one that throws, rejects or hangs is left out and reported
   * through `onCollectError`, and every other metric is still returned. Never rejects.
   */
  collect(): Promise<MetricFamily[]> {
    return collectWithBudget(this.collectables, this.collectTimeoutMs, (error) =>
      this.report(error),
    );
  }

  /**
   * Snapshot only the metrics named in `names` (each resolved as {@link getMetric} does), in
   * registration order, with the guarantees of {@link collect}; unknown names are skipped. A
   * dashboard reading the HTTP metrics once a second pays for those series only.
   */
  collectFamilies(names: readonly string[]): Promise<MetricFamily[]> {
    const wanted = new Set<MetricProtocol>();
    for (const name of names) {
      const metric = this.getMetric(name);
      if (metric !== undefined) wanted.add(metric);
    }
    const selected =
      wanted.size === 0 ? [] : this.collectables.filter((metric) => wanted.has(metric));
    return collectWithBudget(selected, this.collectTimeoutMs, (error) => this.report(error));
  }

  /**
   * The histogram `name` (resolved as {@link getMetric} does) read in place, without snapshot
   * objects; undefined when `name` is not a histogram of this collector.
   */
  readHistogram(name: string): HistogramSeriesReader | undefined {
    const metric = this.getMetric(name);
    return metric instanceof Histogram ? metric.reader() : undefined;
  }

  private getOrCreate(
    name: string,
    type: MetricType,
    create: (fullName: string) => MetricProtocol,
  ): MetricProtocol {
    const full = prefixedMetricName(this.config, name);
    const existing = this.metrics.get(full);
    if (existing !== undefined) {
      const existingType = typeOf(existing);
      if (existingType === type) return existing;
      throw new InvalidMetricError(
        `Metric "${full}" already exists as a ${existingType ?? 'metric of another kind'}, so it cannot be created as a ${type}: pick another name.`,
      );
    }
    const metric = create(full);
    this.add(full, metric);
    return metric;
  }

  private add(name: string, metric: MetricProtocol): void {
    // Names are stored as given (`http.request.duration`); a Prometheus exporter maps them, so
    // two names that map to the same Prometheus name would collide there: refuse the second.
    const exposed = prometheusMetricName(name);
    const holder = this.prometheusNames.get(exposed);
    if (holder !== undefined && holder !== name) {
      throw new InvalidMetricError(
        `Metric "${name}" would be exposed to Prometheus as "${exposed}", the name of the metric "${holder}" already registered: rename one of them.`,
      );
    }
    this.prometheusNames.set(exposed, name);
    this.metrics.set(name, metric);
    if (isCollectable(metric)) this.collectables.push(metric);
  }

  private withDefaults<T extends InstrumentOptions & FaultOptions>(options: T): T {
    const defaults = this.config.defaultLabels;
    return {
      ...options,
      labels:
        Object.keys(defaults).length === 0 ? options.labels : { ...defaults, ...options.labels },
      maxSeries: options.maxSeries ?? this.config.maxSeriesPerMetric,
      onError: faultSink(options) ?? this.onError,
    };
  }

  private report(error: MetricCollectionError): void {
    if (this.onCollectError === undefined) {
      metricsFault(
        this.onError,
        'metricsCollector',
        'COLLECT_FAILED',
        error.message,
        { metric: error.metricName, timedOut: error.timedOut },
        error.cause,
      );
      return;
    }
    try {
      this.onCollectError(error);
    } catch {
      // A faulty reporter must not turn a partial collection into a failed one.
    }
  }
}

function typeOf(metric: MetricProtocol): MetricType | undefined {
  const type = (metric as Partial<CollectableMetric>).type;
  return typeof type === 'string' ? type : undefined;
}

function isCollectable(metric: MetricProtocol): metric is CollectableMetric {
  const candidate = metric as Partial<CollectableMetric>;
  return typeof candidate.collect === 'function' && typeof candidate.type === 'string';
}

/** Keep `value` under `key` in `map` and return it (the get-or-create of the shortcuts above). */
function remember<V>(map: Map<string, V>, key: string, value: V): V {
  map.set(key, value);
  return value;
}

import type { Labels } from '../model/labels.js';
import type { MetricFamily } from '../model/metricSnapshot.js';
import type { MetricType } from '../model/metricType.js';

/** A metric: something with a name that records numeric values, optionally labeled. */
export interface MetricProtocol {
  /** Metric name. */
  readonly name: string;
  /** Help text. */
  readonly description: string;
  /** Record a value (the canonical call every alias delegates to). */
  record(value: number, labels?: Labels): void;
}

/** A metric that can snapshot itself for a collector's `collect()`. */
export interface CollectableMetric extends MetricProtocol {
  /** Instrument kind. */
  readonly type: MetricType;
  /** Snapshot the metric's series. */
  collect(): MetricFamily | Promise<MetricFamily>;
}

/** Options shared by every instrument. */
export interface InstrumentOptions {
  /** Constant labels added to every series of this metric. */
  labels?: Labels;
  /**
   * Label names every observation carries. When omitted, the schema is fixed by the first
   * labeled observation. A missing key records as `''`; an unknown key is an error.
   */
  labelNames?: readonly string[];
  /** Unit, e.g. `seconds`, `bytes`. */
  unit?: string;
  /** Cardinality cap: past this many series, observations go to one overflow series. */
  maxSeries?: number;
}

/** A counter bound to one label set: records without hashing or allocating. */
export interface BoundCounter {
  /** Add `value` (default 1; must not be negative). */
  inc(value?: number): void;
  /** Same as {@link BoundCounter.inc}. */
  record(value: number): void;
  /** Current value of the series. */
  get(): number;
}

/** A gauge bound to one label set. */
export interface BoundGauge {
  set(value: number): void;
  inc(value?: number): void;
  dec(value?: number): void;
  /** Same as {@link BoundGauge.set}. */
  record(value: number): void;
  /** Current value of the series. */
  get(): number;
}

/** A histogram or summary bound to one label set. */
export interface BoundObserver {
  observe(value: number): void;
  /** Same as {@link BoundObserver.observe}. */
  record(value: number): void;
  /** Start a timer; the returned function observes the elapsed seconds and returns them. */
  startTimer(): () => number;
}

/** A monotonically increasing counter. */
export interface CounterProtocol extends MetricProtocol {
  /** Add `value` (default 1) to the series of `labels`. A negative value is an error. */
  inc(value?: number, labels?: Labels): void;
  /** The series of `labels`, as a handle that records without lookups. */
  labels(labels: Labels): BoundCounter;
  /** Drop the series of `labels`; true when it existed. */
  remove(labels: Labels): boolean;
  /** Reset every series to zero and clear the history. */
  reset(): void;
}

/** A value that goes up and down. */
export interface GaugeProtocol extends MetricProtocol {
  set(value: number, labels?: Labels): void;
  inc(value?: number, labels?: Labels): void;
  dec(value?: number, labels?: Labels): void;
  labels(labels: Labels): BoundGauge;
  remove(labels: Labels): boolean;
  reset(): void;
}

/** A distribution in fixed buckets. */
export interface HistogramProtocol extends MetricProtocol {
  observe(value: number, labels?: Labels): void;
  labels(labels: Labels): BoundObserver;
  /** Start a timer; the returned function observes the elapsed seconds. */
  startTimer(labels?: Labels): () => number;
  remove(labels: Labels): boolean;
  reset(): void;
}

/** Quantiles over a sliding time window. */
export interface SummaryProtocol extends MetricProtocol {
  observe(value: number, labels?: Labels): void;
  labels(labels: Labels): BoundObserver;
  startTimer(labels?: Labels): () => number;
  remove(labels: Labels): boolean;
  reset(): void;
}

/** A gauge's setter as passed to its collect-time callback. */
export interface GaugeSetter {
  set(value: number, labels?: Labels): void;
}

/** Gauge options: a gauge may be measured by a callback at collect time. */
export interface GaugeOptions extends InstrumentOptions {
  /** Called on every `collect()`; may be async. Runs under the collector's time budget. */
  collect?: (gauge: GaugeSetter) => void | Promise<void>;
}

/** Histogram options. */
export interface HistogramOptions extends InstrumentOptions {
  /** Upper bounds, ascending and finite (`+Inf` is added). Defaults to MetricsConfig's. */
  buckets?: readonly number[];
}

/** Summary options. */
export interface SummaryOptions extends InstrumentOptions {
  /** Quantiles to report, each in (0, 1). Default `[0.5, 0.9, 0.99]`. */
  quantiles?: readonly number[];
  /** Sliding window length. Default 600000 (10 minutes). */
  maxAgeMs?: number;
  /** Slots the window rotates through. Default 5. */
  ageBuckets?: number;
}

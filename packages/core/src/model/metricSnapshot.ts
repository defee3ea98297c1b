import type { HrTime } from './hrTime.js';
import type { Labels } from './labels.js';

/**
 * The immutable snapshot model every backend and exporter reads: `collect()` returns a list of
 * {@link MetricFamily} items, one per metric, each with its series.
 */

/**
 * One sampled observation of a series, linked to the trace that was active when it was recorded
 * (an OpenMetrics / OTLP exemplar). Optional on series: a producer that keeps none leaves it out.
 */
export interface ExemplarData {
  /** The observed value. */
  readonly value: number;
  /** When it was observed. */
  readonly time: HrTime;
  /** Labels of the observation that are not labels of its series. */
  readonly labels?: Labels;
  /** 32 lowercase hex characters: the trace active at the observation. */
  readonly traceId?: string;
  /** 16 lowercase hex characters: the span active at the observation. */
  readonly spanId?: string;
}

/** One series of a counter or gauge. */
export interface NumberSeries {
  /** Labels of the series, constant labels included. */
  readonly labels: Labels;
  /** Current value. May be NaN or ±Infinity for gauges, as Prometheus allows. */
  readonly value: number;
  /** Sampled observations with their trace, when the producer keeps them. */
  readonly exemplars?: readonly ExemplarData[];
}

/** One bucket of a histogram series. Counts are cumulative, as in Prometheus. */
export interface HistogramBucket {
  /** Inclusive upper bound; the last bucket is `+Infinity`. */
  readonly upperBound: number;
  /** Observations less than or equal to `upperBound`. */
  readonly cumulativeCount: number;
}

/** One series of a histogram. */
export interface HistogramSeries {
  readonly labels: Labels;
  /** Buckets in ascending order of bound, ending with `+Infinity`. */
  readonly buckets: readonly HistogramBucket[];
  /** Total number of observations (equals the `+Infinity` bucket). */
  readonly count: number;
  /** Sum of all observations. */
  readonly sum: number;
  /** Sampled observations with their trace, when the producer keeps them. */
  readonly exemplars?: readonly ExemplarData[];
}

/** One quantile estimate of a summary series. */
export interface SummaryQuantile {
  /** Quantile in (0, 1), e.g. 0.99. */
  readonly quantile: number;
  /** Estimated value; NaN when the window is empty. */
  readonly value: number;
}

/** One series of a summary. */
export interface SummarySeries {
  readonly labels: Labels;
  readonly quantiles: readonly SummaryQuantile[];
  readonly count: number;
  readonly sum: number;
}

interface FamilyBase {
  /** Metric name, prefix applied. */
  readonly name: string;
  /** Help text. */
  readonly help: string;
  /** Unit, e.g. `seconds` or `bytes`; empty when none. */
  readonly unit: string;
}

/** A counter and its series. */
export interface CounterFamily extends FamilyBase {
  readonly type: 'counter';
  readonly series: readonly NumberSeries[];
}

/** A gauge and its series. */
export interface GaugeFamily extends FamilyBase {
  readonly type: 'gauge';
  readonly series: readonly NumberSeries[];
}

/** A histogram and its series. */
export interface HistogramFamily extends FamilyBase {
  readonly type: 'histogram';
  readonly series: readonly HistogramSeries[];
}

/** A summary and its series. */
export interface SummaryFamily extends FamilyBase {
  readonly type: 'summary';
  readonly series: readonly SummarySeries[];
}

/** A metric and all its series, discriminated by `type`. */
export type MetricFamily = CounterFamily | GaugeFamily | HistogramFamily | SummaryFamily;

/** Something that can produce snapshots on demand (a collector, a registry). */
export interface MetricsProducer {
  /**
   * Snapshot every metric. Async because gauges may be measured by async callbacks at collect
   * time. Never rejects because one callback failed: its series are left out and it is reported.
   */
  collect(): Promise<MetricFamily[]>;
}

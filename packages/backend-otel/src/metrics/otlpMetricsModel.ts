import type { ExemplarData, HrTime, Labels } from '@lexigram/monitor-core';

/** OTLP's `AggregationTemporality` values. */
export const Temporality = { Delta: 1, Cumulative: 2 } as const;

/** A value of an OTLP attribute as this exporter writes it. */
export type OtlpAttributeValue = string | number | boolean;

/** Attributes of a resource or scope. */
export type OtlpAttributes = Readonly<Record<string, OtlpAttributeValue>>;

/** What every point has: its labels and the interval it covers. */
export interface PointBase {
  readonly labels: Labels;
  readonly start: HrTime;
  readonly time: HrTime;
}

/** A point that counts observations: a histogram or summary point. */
export interface CountedPoint extends PointBase {
  readonly count: number;
  readonly sum: number;
}

/** A counter or gauge point. */
export interface NumberPoint extends PointBase {
  readonly value: number;
  readonly exemplars: readonly ExemplarData[] | undefined;
}

/** An explicit-bucket histogram point; `counts` are per bucket, not cumulative. */
export interface HistogramPoint extends CountedPoint {
  readonly bounds: readonly number[];
  readonly counts: readonly number[];
  readonly exemplars: readonly ExemplarData[] | undefined;
}

/** A summary point. */
export interface SummaryPoint extends CountedPoint {
  readonly quantiles: readonly { readonly quantile: number; readonly value: number }[];
}

/** One OTLP metric, ready to encode. */
export type OtlpMetric = {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
} & (
  | {
      readonly kind: 'sum';
      readonly temporality: number;
      readonly monotonic: boolean;
      readonly points: readonly NumberPoint[];
    }
  | { readonly kind: 'gauge'; readonly points: readonly NumberPoint[] }
  | {
      readonly kind: 'histogram';
      readonly temporality: number;
      readonly points: readonly HistogramPoint[];
    }
  | { readonly kind: 'summary'; readonly points: readonly SummaryPoint[] }
);

/** One export: everything under one resource and one instrumentation scope. */
export interface OtlpMetricsBatch {
  readonly resource: OtlpAttributes;
  readonly scope: { readonly name: string; readonly version?: string | undefined };
  readonly metrics: readonly OtlpMetric[];
}

/** Data points in a batch (what a partial success counts). */
export function countDataPoints(batch: OtlpMetricsBatch): number {
  let n = 0;
  for (const metric of batch.metrics) n += metric.points.length;
  return n;
}

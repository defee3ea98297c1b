import type {
  CounterFamily,
  GaugeFamily,
  HistogramBucket,
  HistogramFamily,
  HistogramSeries,
  Labels,
  NumberSeries,
  SummaryFamily,
  SummarySeries,
} from '@lexigram/monitor-core';

/** The text fields of a family; both default to `''`. */
export interface FamilyText {
  readonly help?: string;
  readonly unit?: string;
}

/**
 * A histogram series snapshot from its buckets' upper bounds and cumulative counts (two flat
 * lists, in order). `count` defaults to the last cumulative count (the `+Inf` bucket's, in a
 * well-formed series).
 *
 * @example histogramSeries({ r: '/' }, [0.1, Infinity], [1, 2], 1.5)
 */
export function histogramSeries(
  labels: Labels,
  upperBounds: readonly number[],
  cumulativeCounts: readonly number[],
  sum: number,
  count: number = cumulativeCounts.at(-1) ?? 0,
): HistogramSeries {
  if (upperBounds.length !== cumulativeCounts.length) {
    throw new Error(
      `histogramSeries: ${upperBounds.length} upper bounds but ${cumulativeCounts.length} counts`,
    );
  }
  const buckets = upperBounds.map((upperBound, i): HistogramBucket => ({
    upperBound,
    cumulativeCount: cumulativeCounts[i]!,
  }));
  return { labels, buckets, count, sum };
}

/** A histogram family snapshot. */
export function histogramFamily(
  name: string,
  series: readonly HistogramSeries[],
  text: FamilyText = {},
): HistogramFamily {
  return { ...head(name, text), type: 'histogram', series };
}

/** A counter family snapshot. */
export function counterFamily(
  name: string,
  series: readonly NumberSeries[],
  text: FamilyText = {},
): CounterFamily {
  return { ...head(name, text), type: 'counter', series };
}

/** A gauge family snapshot. */
export function gaugeFamily(
  name: string,
  series: readonly NumberSeries[],
  text: FamilyText = {},
): GaugeFamily {
  return { ...head(name, text), type: 'gauge', series };
}

/** A summary family snapshot. */
export function summaryFamily(
  name: string,
  series: readonly SummarySeries[],
  text: FamilyText = {},
): SummaryFamily {
  return { ...head(name, text), type: 'summary', series };
}

function head(name: string, text: FamilyText): { name: string; help: string; unit: string } {
  return { name, help: text.help ?? '', unit: text.unit ?? '' };
}

import type {
  HistogramSeries,
  Labels,
  MetricFamily,
  NumberSeries,
  SummarySeries,
} from '@lexigram/monitor-core';

/** How a gauge is combined across workers. */
export type GaugeAggregation = 'sum' | 'min' | 'max' | 'worker';

/** One worker's snapshot. */
export interface WorkerSnapshot {
  readonly workerId: string;
  readonly families: readonly MetricFamily[];
}

function labelKey(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  let out = '';
  for (const k of keys) out += `${k}\u0001${labels[k]}\u0002`;
  return out;
}

interface Acc {
  readonly family: MetricFamily;
  readonly series: Map<string, NumberSeries | HistogramSeries | SummarySeries>;
}

function mergeHistogram(a: HistogramSeries, b: HistogramSeries): HistogramSeries {
  const counts = new Map<number, number>();
  for (const bucket of [...a.buckets, ...b.buckets]) {
    counts.set(bucket.upperBound, (counts.get(bucket.upperBound) ?? 0) + bucket.cumulativeCount);
  }
  const buckets = [...counts.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([upperBound, cumulativeCount]) => ({ upperBound, cumulativeCount }));
  return { labels: a.labels, buckets, count: a.count + b.count, sum: a.sum + b.sum };
}

function withWorker<T extends { labels: Labels }>(series: T, label: string, id: string): T {
  return { ...series, labels: { ...series.labels, [label]: id } };
}

/**
 * Combine the snapshots of every worker into one: counters and histograms summed per label set
 * (histogram buckets by bound), gauges by their policy (`worker` keeps one series per worker
 * with a `worker` label), summaries one series per worker (quantiles cannot be added).
 */
export function aggregateFamilies(
  snapshots: readonly WorkerSnapshot[],
  gaugePolicy: (name: string) => GaugeAggregation,
  workerLabel = 'worker',
): MetricFamily[] {
  const accs = new Map<string, Acc>();
  for (const { workerId, families } of snapshots) {
    for (const family of families) {
      const key = `${family.type}\u0001${family.name}`;
      let acc = accs.get(key);
      if (!acc) {
        acc = { family, series: new Map() };
        accs.set(key, acc);
      }
      const policy = family.type === 'gauge' ? gaugePolicy(family.name) : undefined;
      for (const raw of family.series) {
        const perWorker = family.type === 'summary' || policy === 'worker';
        const s = perWorker ? withWorker(raw, workerLabel, workerId) : raw;
        const k = labelKey(s.labels);
        const prev = acc.series.get(k);
        if (!prev) {
          acc.series.set(k, s);
          continue;
        }
        if (family.type === 'histogram') {
          acc.series.set(k, mergeHistogram(prev as HistogramSeries, s as HistogramSeries));
        } else if (family.type === 'counter' || policy === 'sum') {
          const value = (prev as NumberSeries).value + (s as NumberSeries).value;
          acc.series.set(k, { labels: s.labels, value });
        } else if (policy === 'min' || policy === 'max') {
          const pick = policy === 'min' ? Math.min : Math.max;
          const value = pick((prev as NumberSeries).value, (s as NumberSeries).value);
          acc.series.set(k, { labels: s.labels, value });
        }
      }
    }
  }
  return [...accs.values()].map(
    ({ family, series }) => ({ ...family, series: [...series.values()] }) as MetricFamily,
  );
}

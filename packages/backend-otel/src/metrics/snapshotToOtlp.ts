import {
  hrTimeNow,
  type HistogramSeries,
  type HrTime,
  type Labels,
  type MetricFamily,
  type NumberSeries,
} from '@lexigram/monitor-core';
import {
  Temporality,
  type HistogramPoint,
  type NumberPoint,
  type OtlpAttributes,
  type OtlpMetric,
  type OtlpMetricsBatch,
} from './otlpMetricsModel.js';

/** `cumulative` (the OTLP and Prometheus default) or `delta`. */
export type TemporalityPreference = 'cumulative' | 'delta';

/** Units as written by our instruments, in the UCUM form OTLP expects. */
const UCUM: Readonly<Record<string, string>> = {
  seconds: 's',
  second: 's',
  milliseconds: 'ms',
  microseconds: 'us',
  nanoseconds: 'ns',
  bytes: 'By',
  byte: 'By',
  kilobytes: 'kBy',
  megabytes: 'MBy',
  ratio: '1',
  percent: '%',
};

interface PreviousCounter {
  readonly value: number;
  readonly start: HrTime;
}
interface PreviousHistogram {
  readonly counts: readonly number[];
  readonly count: number;
  readonly sum: number;
  readonly start: HrTime;
}

/**
 * Turns core snapshots into OTLP metrics. Cumulative points all start at the converter's start
 * time (so a backend sees one unbroken series); delta points start at the previous export and
 * carry the change since then. Delta state is kept only for series in the latest collection, so
 * it never outgrows what the collector holds.
 */
export class SnapshotToOtlp {
  private readonly temporality: TemporalityPreference;
  private readonly startTime: HrTime;
  private readonly resource: OtlpAttributes;
  private readonly scope: { name: string; version?: string | undefined };
  private counters = new Map<string, PreviousCounter>();
  private histograms = new Map<string, PreviousHistogram>();

  constructor(options: {
    temporality: TemporalityPreference;
    resource: OtlpAttributes;
    scope: { name: string; version?: string | undefined };
    startTime?: HrTime;
  }) {
    this.temporality = options.temporality;
    this.resource = options.resource;
    this.scope = options.scope;
    this.startTime = options.startTime ?? hrTimeNow();
  }

  /** One OTLP batch for this collection, stamped `now`. */
  convert(families: readonly MetricFamily[], now: HrTime = hrTimeNow()): OtlpMetricsBatch {
    const delta = this.temporality === 'delta';
    const nextCounters = new Map<string, PreviousCounter>();
    const nextHistograms = new Map<string, PreviousHistogram>();
    const metrics: OtlpMetric[] = [];
    for (const family of families) {
      const head = {
        name: family.name,
        description: family.help,
        unit: UCUM[family.unit] ?? family.unit,
      };
      switch (family.type) {
        case 'counter':
          metrics.push({
            ...head,
            kind: 'sum',
            monotonic: true,
            temporality: delta ? Temporality.Delta : Temporality.Cumulative,
            points: family.series.map((s) =>
              delta
                ? this.counterDelta(family.name, s, now, nextCounters)
                : numberPoint(s, this.startTime, now, s.value),
            ),
          });
          break;
        case 'gauge':
          metrics.push({
            ...head,
            kind: 'gauge',
            points: family.series.map((s) => numberPoint(s, this.startTime, now, s.value)),
          });
          break;
        case 'histogram':
          metrics.push({
            ...head,
            kind: 'histogram',
            temporality: delta ? Temporality.Delta : Temporality.Cumulative,
            points: family.series.map((s) =>
              delta
                ? this.histogramDelta(family.name, s, now, nextHistograms)
                : histogramPoint(s, this.startTime, now, perBucket(s), s.count, s.sum),
            ),
          });
          break;
        case 'summary':
          // OTLP summaries have no temporality: count and sum are always since start.
          metrics.push({
            ...head,
            kind: 'summary',
            points: family.series.map((s) => ({
              labels: s.labels,
              start: this.startTime,
              time: now,
              count: s.count,
              sum: s.sum,
              quantiles: s.quantiles,
            })),
          });
          break;
      }
    }
    if (delta) {
      this.counters = nextCounters;
      this.histograms = nextHistograms;
    }
    return { resource: this.resource, scope: this.scope, metrics };
  }

  private counterDelta(
    name: string,
    s: NumberSeries,
    now: HrTime,
    next: Map<string, PreviousCounter>,
  ): NumberPoint {
    const key = seriesKey(name, s.labels);
    const previous = this.counters.get(key);
    // A value below the previous one means the counter was reset: the whole value is new.
    const reset = previous === undefined || s.value < previous.value;
    const start = previous?.start ?? this.startTime;
    next.set(key, { value: s.value, start: now });
    return numberPoint(s, start, now, reset ? s.value : s.value - previous.value);
  }

  private histogramDelta(
    name: string,
    s: HistogramSeries,
    now: HrTime,
    next: Map<string, PreviousHistogram>,
  ): HistogramPoint {
    const key = seriesKey(name, s.labels);
    const counts = perBucket(s);
    const previous = this.histograms.get(key);
    next.set(key, { counts, count: s.count, sum: s.sum, start: now });
    if (
      previous === undefined ||
      s.count < previous.count ||
      previous.counts.length !== counts.length
    ) {
      return histogramPoint(s, previous?.start ?? this.startTime, now, counts, s.count, s.sum);
    }
    const diff = counts.map((c, i) => c - previous.counts[i]!);
    return histogramPoint(
      s,
      previous.start,
      now,
      diff,
      s.count - previous.count,
      s.sum - previous.sum,
    );
  }
}

function numberPoint(s: NumberSeries, start: HrTime, time: HrTime, value: number): NumberPoint {
  return { labels: s.labels, start, time, value, exemplars: s.exemplars };
}

function histogramPoint(
  s: HistogramSeries,
  start: HrTime,
  time: HrTime,
  counts: readonly number[],
  count: number,
  sum: number,
): HistogramPoint {
  const bounds: number[] = [];
  for (const b of s.buckets)
    if (b.upperBound !== Number.POSITIVE_INFINITY) bounds.push(b.upperBound);
  return { labels: s.labels, start, time, count, sum, bounds, counts, exemplars: s.exemplars };
}

/** Core buckets are cumulative (Prometheus); OTLP wants a count per bucket, +Inf included. */
function perBucket(s: HistogramSeries): number[] {
  const out: number[] = [];
  let previous = 0;
  let sawInf = false;
  for (const b of s.buckets) {
    out.push(b.cumulativeCount - previous);
    previous = b.cumulativeCount;
    if (b.upperBound === Number.POSITIVE_INFINITY) sawInf = true;
  }
  if (!sawInf) out.push(Math.max(0, s.count - previous));
  return out;
}

function seriesKey(name: string, labels: Labels): string {
  let key = name;
  for (const k in labels) key += `\u0000${k}\u0001${labels[k]}`;
  return key;
}

import type { HistogramFamily, Labels, MetricFamily } from '@lexigram/monitor-core';
import { bucketQuantile } from './bucketQuantile.js';
import { isErrorSeries, methodOf, routeOf, seriesKey } from './labelKeys.js';
import { LabelTrie } from './labelTrie.js';
import { REQUEST_DURATION_METRIC } from './metricNames.js';

/** RED figures of one route over the last tick. Latencies in seconds; NaN without requests. */
export interface RouteFigures {
  readonly method: string;
  readonly route: string;
  /** Requests per second. */
  readonly rate: number;
  /** Share of requests that failed, 0..1. */
  readonly errorRate: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  /** Requests counted since the service started (cumulative). */
  readonly total: number;
}

/** One tick of aggregated request figures. */
export interface RequestTick {
  /** Epoch ms of the snapshot. */
  readonly time: number;
  /** Every route together. */
  readonly overall: Omit<RouteFigures, 'method' | 'route'>;
  /** The busiest routes first, at most `topRoutes`. */
  readonly routes: readonly RouteFigures[];
  /** Latency heatmap column: upper bounds (seconds) and requests per bucket in the tick. */
  readonly heatmap: { readonly bounds: readonly number[]; readonly counts: readonly number[] };
  /** Series read in the snapshot (bounded by `maxSeries`). */
  readonly series: number;
}

/** One route's sums over the current tick; kept across ticks and reset, not reallocated. */
interface RouteAccumulator {
  readonly method: string;
  readonly route: string;
  readonly key: string;
  requests: number;
  errors: number;
  total: number;
  counts: Float64Array;
  seen: number;
}

/** What a series says (worked out once) and its counts at the previous snapshot. */
interface SeriesEntry {
  readonly key: string;
  readonly route: RouteAccumulator;
  readonly error: boolean;
  count: number;
  buckets: Float64Array;
  /** Tick that last saw the series; older entries are dropped. */
  seen: number;
}

/** Options of {@link RouteAggregator}. */
export interface RouteAggregatorOptions {
  /** Routes sent per tick. Default 10. */
  readonly topRoutes?: number;
  /** Series read per snapshot; the rest are ignored (bounded memory). Default 10 000. */
  readonly maxSeries?: number;
  /** Histogram to read. Default {@link REQUEST_DURATION_METRIC}. */
  readonly metric?: string;
}

const EMPTY = new Float64Array(0);

/**
 * Turns successive metric snapshots into per-route request rate, error rate and latency
 * quantiles: rates from the deltas of the histogram's counts between two snapshots, quantiles
 * from the deltas of its buckets, so the page gets a handful of numbers per route instead of
 * every series. State is one entry per series and one per route seen in the last snapshot,
 * reused from tick to tick: a tick allocates in proportion to the routes it sends, not to the
 * series it reads, and a series whose count did not move costs one comparison.
 */
export class RouteAggregator {
  /** The histogram read (suffix match). */
  readonly metric: string;
  private readonly entries = new Map<string, SeriesEntry>();
  // Label objects may be new on every collect: the common path finds a series' entry by its
  // label values, without building its key.
  private readonly byLabels = new LabelTrie<SeriesEntry>();
  private readonly routes = new Map<string, RouteAccumulator>();
  private previousTime: number | undefined;
  private tickNumber = 0;
  private bounds: readonly number[] = [];
  private overall: Float64Array = EMPTY;
  private readonly topRoutes: number;
  private readonly maxSeries: number;

  constructor(options: RouteAggregatorOptions = {}) {
    this.topRoutes = options.topRoutes ?? 10;
    this.maxSeries = options.maxSeries ?? 10_000;
    this.metric = options.metric ?? REQUEST_DURATION_METRIC;
  }

  /** Aggregate `families` taken at `time` (epoch ms) against the previous call. */
  update(families: readonly MetricFamily[], time: number): RequestTick {
    const histogram = families.find(
      (f): f is HistogramFamily => f.type === 'histogram' && f.name.endsWith(this.metric),
    );
    const firstTick = this.previousTime === undefined;
    const elapsedSeconds = firstTick
      ? 0
      : Math.max((time - (this.previousTime ?? time)) / 1000, 0.001);
    const tick = ++this.tickNumber;
    for (const acc of this.routes.values()) {
      acc.requests = 0;
      acc.errors = 0;
      acc.total = 0;
      acc.counts.fill(0);
    }
    this.overall.fill(0);
    let series = 0;
    for (const s of histogram?.series ?? []) {
      if (series >= this.maxSeries) break;
      series++;
      const buckets = s.buckets;
      if (buckets.length !== this.bounds.length) this.resize(buckets.map((b) => b.upperBound));
      const entry = this.entryOf(s.labels, tick);
      const acc = entry.route;
      acc.seen = tick;
      acc.total += s.count;
      // A new series counts from zero; one whose count went down was reset and counts from zero
      // again. The first tick only records, so opening the page shows no spike of history.
      if (entry.buckets.length !== buckets.length) {
        entry.buckets = new Float64Array(buckets.length);
        entry.count = 0;
      } else if (entry.count > s.count) {
        entry.count = 0;
        entry.buckets.fill(0);
      }
      entry.seen = tick;
      const delta = firstTick ? 0 : s.count - entry.count;
      if (delta === 0 && !firstTick) continue;
      entry.count = s.count;
      const before = entry.buckets;
      if (delta <= 0) {
        for (let i = 0; i < buckets.length; i++) before[i] = buckets[i]!.cumulativeCount;
        continue;
      }
      acc.requests += delta;
      if (entry.error) acc.errors += delta;
      const counts = acc.counts;
      const overall = this.overall;
      let below = 0;
      for (let i = 0; i < buckets.length; i++) {
        const cumulative = buckets[i]!.cumulativeCount;
        const now = cumulative - before[i]!;
        before[i] = cumulative;
        const inBucket = now > below ? now - below : 0;
        below = now;
        counts[i] = counts[i]! + inBucket;
        overall[i] = overall[i]! + inBucket;
      }
    }
    this.forgetUnseen(series, tick);
    this.previousTime = time;
    return this.figures(time, elapsedSeconds, series);
  }

  private entryOf(labels: Labels, tick: number): SeriesEntry {
    let entry = this.byLabels.get(labels);
    if (entry !== undefined) return entry;
    const key = seriesKey(labels);
    entry = this.entries.get(key);
    if (entry === undefined) {
      const method = methodOf(labels);
      const route = routeOf(labels);
      const routeKey = `${method} ${route}`;
      let acc = this.routes.get(routeKey);
      if (acc === undefined) {
        acc = {
          method,
          route,
          key: routeKey,
          requests: 0,
          errors: 0,
          total: 0,
          counts: new Float64Array(this.bounds.length),
          seen: tick,
        };
        this.routes.set(routeKey, acc);
      }
      entry = {
        key,
        route: acc,
        error: isErrorSeries(labels),
        count: 0,
        buckets: EMPTY,
        seen: tick,
      };
      this.entries.set(key, entry);
    }
    this.byLabels.set(labels, entry);
    return entry;
  }

  private resize(bounds: number[]): void {
    this.bounds = bounds;
    this.overall = new Float64Array(bounds.length);
    for (const acc of this.routes.values()) acc.counts = new Float64Array(bounds.length);
  }

  // Forget series and routes that are gone, so memory follows what the collector holds.
  private forgetUnseen(series: number, tick: number): void {
    if (this.entries.size > series) {
      for (const [key, entry] of this.entries) {
        if (entry.seen !== tick) this.entries.delete(key);
      }
      // Series going away is rare: start the lookup trie afresh rather than prune it.
      this.byLabels.clear();
    }
    for (const [key, acc] of this.routes) if (acc.seen !== tick) this.routes.delete(key);
  }

  private figures(time: number, elapsedSeconds: number, series: number): RequestTick {
    // The busiest routes by a running insertion into a short list: no sort of every route.
    const top: RouteAccumulator[] = [];
    let requests = 0;
    let errors = 0;
    let total = 0;
    for (const acc of this.routes.values()) {
      requests += acc.requests;
      errors += acc.errors;
      total += acc.total;
      if (top.length === this.topRoutes && !busier(acc, top[top.length - 1]!)) continue;
      let i = top.length;
      while (i > 0 && busier(acc, top[i - 1]!)) i--;
      top.splice(i, 0, acc);
      if (top.length > this.topRoutes) top.pop();
    }
    const bounds = this.bounds;
    const overall = figuresOf(
      '*',
      '*',
      requests,
      errors,
      total,
      this.overall,
      bounds,
      elapsedSeconds,
    );
    return {
      time,
      overall: {
        rate: overall.rate,
        errorRate: overall.errorRate,
        p50: overall.p50,
        p90: overall.p90,
        p99: overall.p99,
        total: overall.total,
      },
      routes: top.map((acc) =>
        figuresOf(
          acc.method,
          acc.route,
          acc.requests,
          acc.errors,
          acc.total,
          acc.counts,
          bounds,
          elapsedSeconds,
        ),
      ),
      heatmap: { bounds, counts: Array.from(this.overall) },
      series,
    };
  }
}

function busier(a: RouteAccumulator, b: RouteAccumulator): boolean {
  return a.requests > b.requests || (a.requests === b.requests && a.total > b.total);
}

function figuresOf(
  method: string,
  route: string,
  requests: number,
  errors: number,
  total: number,
  counts: Float64Array,
  bounds: readonly number[],
  elapsedSeconds: number,
): RouteFigures {
  return {
    method,
    route,
    rate: elapsedSeconds > 0 ? requests / elapsedSeconds : 0,
    errorRate: requests > 0 ? errors / requests : 0,
    p50: bucketQuantile(0.5, bounds, counts),
    p90: bucketQuantile(0.9, bounds, counts),
    p99: bucketQuantile(0.99, bounds, counts),
    total,
  };
}

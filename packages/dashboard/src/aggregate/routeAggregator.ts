import type { HistogramFamily, Labels, MetricFamily } from '@lexigram/monitor-core';
import { bucketQuantile } from './bucketQuantile.js';
import { isErrorSeries, methodOf, routeOf, seriesKey } from './labelKeys.js';

/** The metric the per-route figures come from (suffix match, so a collector prefix is fine). */
export const REQUEST_DURATION_METRIC = 'http.server.request.duration';

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

interface Previous {
  count: number;
  buckets: Float64Array;
  /** Tick that last saw the series; older entries are dropped. */
  seen: number;
}

/** What a label set says, worked out once per label object (collectors reuse them). */
interface SeriesIdentity {
  readonly key: string;
  readonly routeKey: string;
  readonly method: string;
  readonly route: string;
  readonly error: boolean;
}

interface RouteAccumulator {
  method: string;
  route: string;
  requests: number;
  errors: number;
  total: number;
  counts: number[];
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

/**
 * Turns successive metric snapshots into per-route request rate, error rate and latency
 * quantiles: rates from the deltas of the histogram's counts between two snapshots, quantiles
 * from the deltas of its buckets, so the page gets a handful of numbers per route instead of
 * every series. Keeps one entry per series seen in the last snapshot, nothing more.
 */
export class RouteAggregator {
  private readonly previous = new Map<string, Previous>();
  private readonly identities = new WeakMap<object, SeriesIdentity>();
  private previousTime: number | undefined;
  private tickNumber = 0;
  private readonly topRoutes: number;
  private readonly maxSeries: number;
  private readonly metric: string;

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
    const routes = new Map<string, RouteAccumulator>();
    let bounds: number[] = [];
    const overallCounts: number[] = [];
    let series = 0;
    for (const s of histogram?.series ?? []) {
      if (series >= this.maxSeries) break;
      series++;
      const buckets = s.buckets;
      if (bounds.length === 0) bounds = buckets.map((b) => b.upperBound);
      const id = this.identityOf(s.labels);
      let acc = routes.get(id.routeKey);
      if (acc === undefined) {
        acc = { method: id.method, route: id.route, requests: 0, errors: 0, total: 0, counts: [] };
        routes.set(id.routeKey, acc);
      }
      acc.total += s.count;
      let before = this.previous.get(id.key);
      // A new series counts from zero; one whose count went down was reset and counts from zero
      // again. The first tick only records, so opening the page shows no spike of history.
      const fresh = before === undefined || before.count > s.count;
      if (before === undefined || before.buckets.length !== buckets.length) {
        before = { count: 0, buckets: new Float64Array(buckets.length), seen: tick };
        this.previous.set(id.key, before);
      } else if (fresh) {
        before.count = 0;
        before.buckets.fill(0);
      }
      before.seen = tick;
      const delta = firstTick ? 0 : s.count - before.count;
      before.count = s.count;
      if (delta <= 0) {
        for (let i = 0; i < buckets.length; i++) before.buckets[i] = buckets[i]!.cumulativeCount;
        continue;
      }
      acc.requests += delta;
      if (id.error) acc.errors += delta;
      let below = 0;
      for (let i = 0; i < buckets.length; i++) {
        const cumulative = buckets[i]!.cumulativeCount;
        const now = cumulative - before.buckets[i]!;
        before.buckets[i] = cumulative;
        const inBucket = Math.max(now - below, 0);
        below = now;
        acc.counts[i] = (acc.counts[i] ?? 0) + inBucket;
        overallCounts[i] = (overallCounts[i] ?? 0) + inBucket;
      }
    }
    // Forget series that are gone, so memory follows what the collector holds.
    if (this.previous.size > series) {
      for (const [key, entry] of this.previous) if (entry.seen !== tick) this.previous.delete(key);
    }
    this.previousTime = time;
    const figures = [...routes.values()].map((acc) => figuresOf(acc, bounds, elapsedSeconds));
    figures.sort((a, b) => b.rate - a.rate || b.total - a.total);
    let requests = 0;
    let errors = 0;
    let total = 0;
    for (const acc of routes.values()) {
      requests += acc.requests;
      errors += acc.errors;
      total += acc.total;
    }
    const overall = figuresOf(
      { method: '*', route: '*', requests, errors, total, counts: overallCounts },
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
      routes: figures.slice(0, this.topRoutes),
      heatmap: { bounds, counts: bounds.map((_, i) => overallCounts[i] ?? 0) },
      series,
    };
  }

  private identityOf(labels: Labels): SeriesIdentity {
    let id = this.identities.get(labels);
    if (id === undefined) {
      const method = methodOf(labels);
      const route = routeOf(labels);
      id = {
        key: seriesKey(labels),
        routeKey: `${method} ${route}`,
        method,
        route,
        error: isErrorSeries(labels),
      };
      this.identities.set(labels, id);
    }
    return id;
  }
}

function figuresOf(acc: RouteAccumulator, bounds: number[], elapsedSeconds: number): RouteFigures {
  const counts = bounds.map((_, i) => acc.counts[i] ?? 0);
  return {
    method: acc.method,
    route: acc.route,
    rate: elapsedSeconds > 0 ? acc.requests / elapsedSeconds : 0,
    errorRate: acc.requests > 0 ? acc.errors / acc.requests : 0,
    p50: bucketQuantile(0.5, bounds, counts),
    p90: bucketQuantile(0.9, bounds, counts),
    p99: bucketQuantile(0.99, bounds, counts),
    total: acc.total,
  };
}

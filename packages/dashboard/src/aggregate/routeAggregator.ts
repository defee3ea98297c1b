import type { HistogramFamily, MetricFamily } from '@lexigram/monitor-core';
import { bucketQuantile } from './bucketQuantile.js';
import { isErrorSeries, methodOf, routeOf, seriesKey } from './labelKeys.js';

/** The metric the per-route figures come from (suffix match, so a collector prefix is fine). */
export const REQUEST_DURATION_METRIC = 'http_server_request_duration_seconds';

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
  buckets: number[];
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
  private previous = new Map<string, Previous>();
  private previousTime: number | undefined;
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
    const elapsedSeconds =
      this.previousTime === undefined ? 0 : Math.max((time - this.previousTime) / 1000, 0.001);
    const next = new Map<string, Previous>();
    const routes = new Map<string, RouteAccumulator>();
    let bounds: number[] = [];
    const overallCounts: number[] = [];
    let series = 0;
    for (const s of histogram?.series ?? []) {
      if (series >= this.maxSeries) break;
      series++;
      const key = seriesKey(s.labels);
      const cumulative = s.buckets.map((b) => b.cumulativeCount);
      if (bounds.length === 0) bounds = s.buckets.map((b) => b.upperBound);
      next.set(key, { count: s.count, buckets: cumulative });
      const before = this.previous.get(key);
      // A series seen for the first time (or reset) contributes its whole count as the delta
      // only after the first tick, so the opening snapshot does not show a spike of history.
      const reset = before !== undefined && before.count > s.count;
      const base = reset || before === undefined ? undefined : before;
      const firstTick = this.previousTime === undefined;
      const delta = firstTick ? 0 : s.count - (base?.count ?? 0);
      const method = methodOf(s.labels);
      const route = routeOf(s.labels);
      const routeKey = `${method} ${route}`;
      let acc = routes.get(routeKey);
      if (acc === undefined) {
        acc = { method, route, requests: 0, errors: 0, total: 0, counts: [] };
        routes.set(routeKey, acc);
      }
      acc.total += s.count;
      if (delta <= 0) continue;
      acc.requests += delta;
      if (isErrorSeries(s.labels)) acc.errors += delta;
      let below = 0;
      for (let i = 0; i < cumulative.length; i++) {
        const now = cumulative[i]! - (base?.buckets[i] ?? 0);
        const inBucket = Math.max(now - below, 0);
        below = now;
        acc.counts[i] = (acc.counts[i] ?? 0) + inBucket;
        overallCounts[i] = (overallCounts[i] ?? 0) + inBucket;
      }
    }
    this.previous = next;
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

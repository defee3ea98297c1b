import { bucketQuantile } from './bucketQuantile.js';

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
export interface RouteAccumulator {
  readonly method: string;
  readonly route: string;
  readonly key: string;
  requests: number;
  errors: number;
  total: number;
  counts: Float64Array;
  seen: number;
}

/**
 * The tick the page receives: the busiest `topRoutes` routes (a running insertion into a short
 * list, no sort of every route) and the overall figures, from the routes' sums of the tick.
 */
export function tickFigures(
  routes: Iterable<RouteAccumulator>,
  overallCounts: Float64Array,
  bounds: readonly number[],
  topRoutes: number,
  tick: { readonly time: number; readonly elapsedSeconds: number; readonly series: number },
): RequestTick {
  const { time, elapsedSeconds, series } = tick;
  // The busiest routes by a running insertion into a short list: no sort of every route.
  const top: RouteAccumulator[] = [];
  let requests = 0;
  let errors = 0;
  let total = 0;
  for (const acc of routes) {
    requests += acc.requests;
    errors += acc.errors;
    total += acc.total;
    if (top.length === topRoutes && !busier(acc, top[top.length - 1]!)) continue;
    let i = top.length;
    while (i > 0 && busier(acc, top[i - 1]!)) i--;
    top.splice(i, 0, acc);
    if (top.length > topRoutes) top.pop();
  }
  const overall = figuresOf(
    '*',
    '*',
    requests,
    errors,
    total,
    overallCounts,
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
    heatmap: { bounds, counts: Array.from(overallCounts) },
    series,
  };
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

import type {
  HistogramFamily,
  HistogramSeriesReader,
  Labels,
  MetricFamily,
} from '@lexigram/monitor-core';
import { isErrorSeries, methodOf, routeOf, seriesKey } from './labelKeys.js';
import { LabelTrie } from './labelTrie.js';
import { REQUEST_DURATION_METRIC } from './metricNames.js';
import {
  tickFigures,
  type RequestTick,
  type RouteAccumulator,
  type RouteFigures,
} from './routeFigures.js';

export type { RequestTick, RouteFigures };

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

/** The state of one update. */
interface TickRun {
  readonly tick: number;
  readonly firstTick: boolean;
  readonly elapsedSeconds: number;
  series: number;
  /** The count change of the series last tracked. */
  delta: number;
}

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
  /** Cumulative bucket counts of the series being read. */
  private scratch: Float64Array = EMPTY;
  private readonly topRoutes: number;
  private readonly maxSeries: number;

  constructor(options: RouteAggregatorOptions = {}) {
    this.topRoutes = options.topRoutes ?? 10;
    this.maxSeries = options.maxSeries ?? 10_000;
    this.metric = options.metric ?? REQUEST_DURATION_METRIC;
  }

  /** Aggregate the request histogram found in `families` (a snapshot of the collector). */
  update(families: readonly MetricFamily[], time: number): RequestTick {
    const histogram = families.find(
      (f): f is HistogramFamily => f.type === 'histogram' && f.name.endsWith(this.metric),
    );
    const run = this.begin(time);
    for (const s of histogram?.series ?? []) {
      if (run.series >= this.maxSeries) break;
      const buckets = s.buckets;
      if (buckets.length !== this.bounds.length) this.resize(buckets.map((b) => b.upperBound));
      const entry = this.track(run, s.labels, s.count);
      if (entry === undefined) continue;
      const scratch = this.scratch;
      for (let i = 0; i < buckets.length; i++) scratch[i] = buckets[i]!.cumulativeCount;
      this.addBuckets(run, entry, scratch, 0, true);
    }
    return this.finish(run, time);
  }

  /**
   * The same as {@link RouteAggregator.update}, read in place through a collector's
   * {@link HistogramSeriesReader}: no snapshot objects are made, so a read of 10k series costs
   * little more than the label objects.
   */
  updateFrom(reader: HistogramSeriesReader, time: number): RequestTick {
    const run = this.begin(time);
    const bounds = reader.upperBounds;
    if (bounds.length !== this.bounds.length || bounds.some((b, i) => b !== this.bounds[i])) {
      this.resize([...bounds]);
    }
    reader.forEachSeries((labels, counts, offset, count) => {
      if (run.series >= this.maxSeries) return;
      const entry = this.track(run, labels, count);
      if (entry !== undefined) this.addBuckets(run, entry, counts, offset, false);
    });
    return this.finish(run, time);
  }

  private begin(time: number): TickRun {
    const firstTick = this.previousTime === undefined;
    for (const acc of this.routes.values()) {
      acc.requests = 0;
      acc.errors = 0;
      acc.total = 0;
      acc.counts.fill(0);
    }
    this.overall.fill(0);
    return {
      tick: ++this.tickNumber,
      firstTick,
      elapsedSeconds: firstTick ? 0 : Math.max((time - (this.previousTime ?? time)) / 1000, 0.001),
      series: 0,
      delta: 0,
    };
  }

  private finish(run: TickRun, time: number): RequestTick {
    this.forgetUnseen(run.series, run.tick);
    this.previousTime = time;
    return tickFigures(this.routes.values(), this.overall, this.bounds, this.topRoutes, {
      time,
      elapsedSeconds: run.elapsedSeconds,
      series: run.series,
    });
  }

  /**
   * One series' count: its entry when its buckets need reading (it moved, or this is the first
   * tick, which only records), with the change in `run.delta`; undefined when it did not move,
   * which then costs a lookup and a comparison.
   */
  private track(run: TickRun, labels: Labels, count: number): SeriesEntry | undefined {
    run.series++;
    const n = this.bounds.length;
    const entry = this.entryOf(labels, run.tick);
    const acc = entry.route;
    acc.seen = run.tick;
    acc.total += count;
    // A new series counts from zero; one whose count went down was reset and counts from zero
    // again. The first tick only records, so opening the page shows no spike of history.
    if (entry.buckets.length !== n) {
      entry.buckets = new Float64Array(n);
      entry.count = 0;
    } else if (entry.count > count) {
      entry.count = 0;
      entry.buckets.fill(0);
    }
    entry.seen = run.tick;
    const delta = run.firstTick ? 0 : count - entry.count;
    if (delta === 0 && !run.firstTick) return undefined;
    entry.count = count;
    run.delta = delta;
    if (delta > 0) {
      acc.requests += delta;
      if (entry.error) acc.errors += delta;
    }
    return entry;
  }

  /** The series' bucket counts (`counts` from `offset`, cumulative or per bucket) into the tick. */
  private addBuckets(
    run: TickRun,
    entry: SeriesEntry,
    counts: ArrayLike<number>,
    offset: number,
    cumulativeInput: boolean,
  ): void {
    const n = this.bounds.length;
    const before = entry.buckets;
    const record = run.delta > 0;
    const routeCounts = entry.route.counts;
    const overall = this.overall;
    let running = 0;
    let below = 0;
    for (let i = 0; i < n; i++) {
      const cumulative = cumulativeInput ? counts[offset + i]! : (running += counts[offset + i]!);
      if (record) {
        const now = cumulative - before[i]!;
        const inBucket = now > below ? now - below : 0;
        below = now;
        routeCounts[i] = routeCounts[i]! + inBucket;
        overall[i] = overall[i]! + inBucket;
      }
      before[i] = cumulative;
    }
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
    this.scratch = new Float64Array(bounds.length);
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
}

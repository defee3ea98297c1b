import type { BoundObserver, Labels } from '@lexigram/monitor-core';
import type { SeriesCell } from '../series/seriesCell.js';
import { startSecondsTimer } from './observerInstrument.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import { notANumber } from './valueErrors.js';

// Below this many bounds a linear scan beats a binary search.
const LINEAR_SCAN_MAX = 16;

/**
 * One histogram series, and its bound handle. Counts are kept per bucket (not cumulative) so an
 * observation touches one slot; `collect()` accumulates them.
 */
export class HistogramSeries implements BoundObserver, SeriesCell {
  /** Count per bucket; the last slot is the `+Inf` bucket. */
  readonly counts: number[];
  /** Sum of observations. */
  sum = 0;
  /** @internal */
  exportLabels: Labels | undefined = undefined;
  /** The series' own labels (constant labels not included), frozen. */
  readonly labels: Labels;
  private readonly bounds: Float64Array;
  private readonly metricName: string;

  /** @internal Series are created by their histogram. */
  constructor(metricName: string, labels: Labels, bounds: Float64Array) {
    this.metricName = metricName;
    this.labels = labels;
    this.bounds = bounds;
    // A plain packed array: on the JS heap, no ArrayBuffer per series, and small integer counts
    // stay unboxed.
    const counts: number[] = [];
    for (let i = 0; i <= bounds.length; i++) counts.push(0);
    this.counts = counts;
  }

  /** Observe `value`: the canonical call. NaN goes to `+Inf` only and makes the sum NaN. */
  record(value: number): void {
    if (typeof value !== 'number') throw notANumber(this.metricName, value);
    this.add(value);
    if (recordedHook.active) emitRecorded(this.metricName, value, 'histogram', this.labels);
  }

  /** Same as {@link HistogramSeries.record}. */
  observe(value: number): void {
    this.record(value);
  }

  /** Start a timer; the returned function observes the elapsed seconds and returns them. */
  startTimer(): () => number {
    return startSecondsTimer(this);
  }

  /** Number of observations. */
  get count(): number {
    let total = 0;
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) total += counts[i]!;
    return total;
  }

  /** @internal Record a validated value. */
  add(value: number): void {
    const bounds = this.bounds;
    const n = bounds.length;
    let i: number;
    if (n <= LINEAR_SCAN_MAX) {
      // `<=` is false for NaN, so NaN falls through to +Inf, as Prometheus' clients do.
      i = 0;
      while (i < n && !(value <= bounds[i]!)) i++;
    } else {
      i = value !== value ? n : upperBoundIndex(bounds, value);
    }
    this.counts[i]!++;
    this.sum += value;
  }

  /** @internal */
  reset(): void {
    this.counts.fill(0);
    this.sum = 0;
  }
}

/** Index of the first bound >= value (n when none). */
function upperBoundIndex(bounds: Float64Array, value: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

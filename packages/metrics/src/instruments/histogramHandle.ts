import type { BoundObserver, Labels } from '@lexigram/monitor-core';
import type { SeriesHandle } from '../series/seriesHandle.js';
import { bucketIndex, type HistogramColumns } from './histogramColumns.js';
import { startSecondsTimer } from './observerInstrument.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import { notANumber } from './valueErrors.js';

/** The bound handle of one histogram series: observations go straight to its slot. */
export class HistogramHandle implements BoundObserver, SeriesHandle {
  private columns: HistogramColumns;
  // The columns' arrays, held directly (fewer loads per call); refreshed when they grow.
  private counts: Float64Array;
  private sums: Float64Array;
  private readonly bounds: Float64Array;
  private slot: number;
  // Index of the slot's first bucket in `counts`.
  private base: number;
  private readonly metricName: string;
  private readonly labels: Labels;

  /** @internal Handles are made by their histogram. */
  constructor(metricName: string, columns: HistogramColumns, slot: number, labels: Labels) {
    this.metricName = metricName;
    this.columns = columns;
    this.counts = columns.counts;
    this.sums = columns.sums;
    this.bounds = columns.bounds;
    this.slot = slot;
    this.base = slot * columns.stride;
    this.labels = labels;
  }

  /** Observe `value`: the canonical call. NaN goes to `+Inf` only and makes the sum NaN. */
  record(value: number): void {
    if (typeof value !== 'number') throw notANumber(this.metricName, value);
    this.counts[this.base + bucketIndex(this.bounds, value)]!++;
    this.sums[this.slot]! += value;
    if (recordedHook.active) emitRecorded(this.metricName, value, 'histogram', this.labels);
  }

  /** Same as {@link HistogramHandle.record}. */
  observe(value: number): void {
    this.record(value);
  }

  /** Start a timer; the returned function observes the elapsed seconds and returns them. */
  startTimer(): () => number {
    return startSecondsTimer(this);
  }

  /** @internal */
  detach(): void {
    this.columns = this.columns.copySlot(this.slot);
    this.slot = 0;
    this.base = 0;
    this.refresh();
  }

  /** @internal */
  refresh(): void {
    this.counts = this.columns.counts;
    this.sums = this.columns.sums;
  }
}

import type { BoundObserver, Labels } from '@lexigram/monitor-core';
import type { SeriesHandle } from '../series/seriesHandle.js';
import type { HistogramColumns } from './histogramColumns.js';
import { startSecondsTimer } from './observerInstrument.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import { notANumber } from './valueErrors.js';

/** The bound handle of one histogram series: observations go straight to its slot. */
export class HistogramHandle implements BoundObserver, SeriesHandle {
  private columns: HistogramColumns;
  private slot: number;
  private readonly metricName: string;
  private readonly labels: Labels;

  /** @internal Handles are made by their histogram. */
  constructor(metricName: string, columns: HistogramColumns, slot: number, labels: Labels) {
    this.metricName = metricName;
    this.columns = columns;
    this.slot = slot;
    this.labels = labels;
  }

  /** Observe `value`: the canonical call. NaN goes to `+Inf` only and makes the sum NaN. */
  record(value: number): void {
    if (typeof value !== 'number') throw notANumber(this.metricName, value);
    this.columns.add(this.slot, value);
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
  }
}

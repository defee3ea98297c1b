import type { BoundCounter, Labels } from '@lexigram/monitor-core';
import { NumberColumn } from '../series/numberColumn.js';
import type { SeriesHandle } from '../series/seriesHandle.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import { invalidIncrement } from './valueErrors.js';

/**
 * The bound handle of one counter series (`counter.labels({...})`): recording through it is a
 * check and an addition, with no lookup and no allocation. The addition goes to a field of the
 * handle (several times cheaper than a typed-array cell) that the counter moves into its column
 * before every snapshot, so the series' value is always column + pending.
 */
export class CounterHandle implements BoundCounter, SeriesHandle {
  private pending = 0;
  private column: NumberColumn;
  private slot: number;
  private readonly metricName: string;
  private readonly labels: Labels;

  /** @internal Handles are made by their counter. */
  constructor(metricName: string, column: NumberColumn, slot: number, labels: Labels) {
    this.metricName = metricName;
    this.column = column;
    this.slot = slot;
    this.labels = labels;
  }

  /** Add `value` (default 1). Negative, NaN or non-numbers throw InvalidMetricError. */
  inc(value = 1): void {
    this.record(value);
  }

  /** Add `value`: the canonical call {@link CounterHandle.inc} delegates to. */
  record(value: number): void {
    if (typeof value !== 'number' || !(value >= 0)) throw invalidIncrement(this.metricName, value);
    this.pending += value;
    if (recordedHook.active) emitRecorded(this.metricName, value, 'counter', this.labels);
  }

  /** Current value. */
  get(): number {
    return this.column.values[this.slot]! + this.pending;
  }

  /** @internal Move the pending additions into the column (before a snapshot). */
  flush(): void {
    if (this.pending !== 0) {
      this.column.values[this.slot]! += this.pending;
      this.pending = 0;
    }
  }

  /** @internal Drop the pending additions (the counter was reset). */
  clear(): void {
    this.pending = 0;
  }

  /** @internal */
  detach(): void {
    const own = new NumberColumn(1);
    own.values[0] = this.get();
    this.column = own;
    this.slot = 0;
    this.pending = 0;
  }

  /** @internal The handle reads the column through its owner, so a grown column needs nothing. */
  refresh(): void {}
}

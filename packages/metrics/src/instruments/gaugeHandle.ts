import type { BoundGauge, Labels } from '@lexigram/monitor-core';
import { NumberColumn } from '../series/numberColumn.js';
import type { SeriesHandle } from '../series/seriesHandle.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import { notANumber } from './valueErrors.js';

/** The bound handle of one gauge series (no lookup, no allocation per call). */
export class GaugeHandle implements BoundGauge, SeriesHandle {
  private column: NumberColumn;
  // The column's array, held directly (one load less per call); refreshed when it grows.
  private values: Float64Array;
  private slot: number;
  private readonly metricName: string;
  private readonly labels: Labels;

  /** @internal Handles are made by their gauge. */
  constructor(metricName: string, column: NumberColumn, slot: number, labels: Labels) {
    this.metricName = metricName;
    this.column = column;
    this.values = column.values;
    this.slot = slot;
    this.labels = labels;
  }

  /** Set the value: the canonical call. NaN and ±Infinity are kept, as Prometheus allows. */
  record(value: number): void {
    if (typeof value !== 'number') throw notANumber(this.metricName, value);
    this.values[this.slot] = value;
    if (recordedHook.active) emitRecorded(this.metricName, value, 'gauge', this.labels);
  }

  /** Same as {@link GaugeHandle.record}. */
  set(value: number): void {
    this.record(value);
  }

  /** Add `value` (default 1). */
  inc(value = 1): void {
    if (typeof value !== 'number') throw notANumber(this.metricName, value);
    this.record(this.get() + value);
  }

  /** Subtract `value` (default 1). */
  dec(value = 1): void {
    if (typeof value !== 'number') throw notANumber(this.metricName, value);
    this.record(this.get() - value);
  }

  /** Current value. */
  get(): number {
    return this.values[this.slot]!;
  }

  /** @internal */
  detach(): void {
    const own = new NumberColumn(1);
    own.values[0] = this.get();
    this.column = own;
    this.values = own.values;
    this.slot = 0;
  }

  /** @internal */
  refresh(): void {
    this.values = this.column.values;
  }
}

import type { BoundGauge, Labels } from '@lexigram/monitor-core';
import type { SeriesCell } from '../series/seriesCell.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import { notANumber } from './valueErrors.js';

/** One gauge series, and its bound handle (no lookup, no allocation per call). */
export class GaugeSeries implements BoundGauge, SeriesCell {
  /** Current value; NaN and ±Infinity are kept, as Prometheus allows. */
  value = 0;
  /** @internal */
  exportLabels: Labels | undefined = undefined;
  /** The series' own labels (constant labels not included), frozen. */
  readonly labels: Labels;
  private readonly metricName: string;

  /** @internal Series are created by their gauge. */
  constructor(metricName: string, labels: Labels) {
    this.metricName = metricName;
    this.labels = labels;
  }

  /** Set the value: the canonical call. */
  record(value: number): void {
    if (typeof value !== 'number') throw notANumber(this.metricName, value);
    this.value = value;
    if (recordedHook.active) emitRecorded(this.metricName, value, 'gauge', this.labels);
  }

  /** Same as {@link GaugeSeries.record}. */
  set(value: number): void {
    this.record(value);
  }

  /** Add `value` (default 1). */
  inc(value = 1): void {
    if (typeof value !== 'number') throw notANumber(this.metricName, value);
    this.record(this.value + value);
  }

  /** Subtract `value` (default 1). */
  dec(value = 1): void {
    if (typeof value !== 'number') throw notANumber(this.metricName, value);
    this.record(this.value - value);
  }

  /** Current value. */
  get(): number {
    return this.value;
  }

  /** @internal */
  reset(): void {
    this.value = 0;
  }
}

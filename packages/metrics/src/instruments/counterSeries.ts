import type { BoundCounter, Labels } from '@lexigram/monitor-core';
import type { SeriesCell } from '../series/seriesCell.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import { invalidIncrement } from './valueErrors.js';

/**
 * One counter series, and its bound handle: `counter.labels({...})` returns it, so recording
 * through it is a check and an addition, with no lookup and no allocation.
 */
export class CounterSeries implements BoundCounter, SeriesCell {
  /** Current value. */
  value = 0;
  /** @internal */
  exportLabels: Labels | undefined = undefined;
  /** The series' own labels (constant labels not included), frozen. */
  readonly labels: Labels;
  private readonly metricName: string;

  /** @internal Series are created by their counter. */
  constructor(metricName: string, labels: Labels) {
    this.metricName = metricName;
    this.labels = labels;
  }

  /** Add `value` (default 1). Negative, NaN or non-numbers throw InvalidMetricError. */
  inc(value = 1): void {
    this.record(value);
  }

  /** Add `value`: the canonical call {@link CounterSeries.inc} delegates to. */
  record(value: number): void {
    if (typeof value !== 'number' || !(value >= 0)) throw invalidIncrement(this.metricName, value);
    this.value += value;
    if (recordedHook.active) emitRecorded(this.metricName, value, 'counter', this.labels);
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

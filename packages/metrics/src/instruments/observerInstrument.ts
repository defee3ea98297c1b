import type { BoundObserver, Labels } from '@lexigram/monitor-core';
import type { SeriesCell } from '../series/seriesCell.js';
import { InstrumentBase } from './instrumentBase.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import { notANumber } from './valueErrors.js';

/** A histogram or summary series: a bound observer that takes validated values. */
export interface ObserverCell extends SeriesCell, BoundObserver {
  /** @internal Record a validated value. */
  add(value: number): void;
}

/**
 * What histograms and summaries share: `record` (canonical) with its `observe` alias, bound
 * handles and timers. They differ only in what a series keeps and how it is collected.
 */
export abstract class ObserverInstrument<C extends ObserverCell> extends InstrumentBase<C> {
  /** Instrument kind. */
  abstract readonly type: 'histogram' | 'summary';

  /** Observe `value` on the series of `labels`: the canonical call every alias delegates to. */
  record(value: number, labels?: Labels): void {
    if (typeof value !== 'number') throw notANumber(this.name, value);
    const series = this.store.resolve(labels);
    series.add(value);
    if (recordedHook.active) emitRecorded(this.name, value, this.type, series.labels);
  }

  /** Same as `record`. */
  observe(value: number, labels?: Labels): void {
    this.record(value, labels);
  }

  /** The series of `labels` as a bound handle. */
  labels(labels: Labels): BoundObserver {
    return this.store.resolve(labels);
  }

  /** Start a timer on the series of `labels`; the returned function observes elapsed seconds. */
  startTimer(labels?: Labels): () => number {
    return this.store.resolve(labels).startTimer();
  }
}

/**
 * A timer for a bound observer: the returned function records the seconds elapsed since this
 * call on `observer` and returns them.
 */
export function startSecondsTimer(observer: { record(value: number): void }): () => number {
  const start = performance.now();
  return () => {
    const seconds = (performance.now() - start) / 1000;
    observer.record(seconds);
    return seconds;
  };
}

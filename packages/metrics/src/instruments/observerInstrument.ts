import type { BoundObserver, Labels } from '@lexigram/monitor-core';
import { InstrumentBase } from './instrumentBase.js';

/**
 * What histograms and summaries share: `record` (canonical) with its `observe` alias, bound
 * handles and timers. They differ in what a series keeps and how it is collected.
 */
export abstract class ObserverInstrument extends InstrumentBase {
  /** Instrument kind. */
  abstract readonly type: 'histogram' | 'summary';

  /** Observe `value` on the series of `labels`: the canonical call every alias delegates to. */
  abstract record(value: number, labels?: Labels): void;

  /** The series of `labels` as a bound handle. */
  abstract labels(labels: Labels): BoundObserver;

  /** Same as `record`. */
  observe(value: number, labels?: Labels): void {
    this.record(value, labels);
  }

  /** Start a timer on the series of `labels`; the returned function observes elapsed seconds. */
  startTimer(labels?: Labels): () => number {
    // The bound handle, so the series is chosen (and the labels checked) now, not when it ends.
    return this.labels(labels as Labels).startTimer();
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

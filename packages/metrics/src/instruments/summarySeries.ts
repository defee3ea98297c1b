import type { BoundObserver, Labels } from '@lexigram/monitor-core';
import { LogBucketSketch, mergedQuantiles, nearestRank } from '../quantiles/logBucketSketch.js';
import { startSecondsTimer } from './observerInstrument.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import type { SummaryWindow } from './summaryWindow.js';
import { notANumber } from './valueErrors.js';

/**
 * One summary series, and its bound handle. Quantiles come from a sliding window of
 * `ageBuckets` slots, each its own bounded sketch: an observation goes into the current slot
 * only, the slot that ages out is cleared, and quantiles merge the live slots. While the window
 * holds at most {@link EXACT_SUMMARY_SAMPLES} values they are also kept as they are, and quantiles
 * are exact; beyond, they come from the sketches (within 1 %). Both use the nearest rank, as the
 * SLO monitor does. Count and sum are over the series' whole life, as in Prometheus.
 */
export class SummarySeries implements BoundObserver {
  /** Observations over the series' life. */
  count = 0;
  /** Sum of observations over the series' life. */
  sum = 0;
  /** @internal The series' own labels, frozen, once it was bound (for `metricRecorded`). */
  labels: Labels | undefined = undefined;
  private readonly slots: LogBucketSketch[];
  // The exact values of each slot; undefined once the window went past the exact bound.
  private readonly exact: (number[] | undefined)[];
  private exactHeld = 0;
  private head = 0;
  private rotateAt: number;
  private readonly window: SummaryWindow;
  private readonly metricName: string;

  /** @internal Series are created by their summary. */
  constructor(metricName: string, window: SummaryWindow) {
    this.metricName = metricName;
    this.window = window;
    this.slots = [];
    this.exact = [];
    for (let i = 0; i < window.ageBuckets; i++) {
      this.slots.push(new LogBucketSketch());
      this.exact.push([]);
    }
    this.rotateAt = window.now() + window.slotMs;
  }

  /** Observe `value`: the canonical call. NaN counts in count and sum, not in quantiles. */
  record(value: number): void {
    if (typeof value !== 'number') throw notANumber(this.metricName, value);
    this.add(value);
    if (recordedHook.active) emitRecorded(this.metricName, value, 'summary', this.labels ?? {});
  }

  /** Same as {@link SummarySeries.record}. */
  observe(value: number): void {
    this.record(value);
  }

  /** Start a timer; the returned function observes the elapsed seconds and returns them. */
  startTimer(): () => number {
    return startSecondsTimer(this);
  }

  /** @internal Record a validated value. */
  add(value: number): void {
    this.count++;
    this.sum += value;
    if (value !== value) return;
    const now = this.window.now();
    if (now >= this.rotateAt) this.rotate(now);
    this.slots[this.head]!.add(value);
    const exact = this.exact[this.head];
    if (exact === undefined) return;
    if (this.exactHeld < EXACT_SUMMARY_SAMPLES) {
      exact.push(value);
      this.exactHeld++;
    } else {
      // Past the bound: the sketches answer until the window has rolled over.
      this.exact.fill(undefined);
      this.exactHeld = 0;
    }
  }

  /** Current estimate of each configured quantile over the window (NaN when it is empty). */
  quantiles(): number[] {
    const now = this.window.now();
    if (now >= this.rotateAt) this.rotate(now);
    if (this.exact.every((values) => values !== undefined)) {
      const all = new Float64Array(this.exactHeld);
      let at = 0;
      for (const values of this.exact) {
        all.set(values, at);
        at += values.length;
      }
      if (all.length === 0) return this.window.quantiles.map(() => NaN);
      all.sort();
      return this.window.quantiles.map((q) => all[nearestRank(q, all.length) - 1]!);
    }
    return mergedQuantiles(this.slots, this.window.quantiles);
  }

  /** @internal */
  reset(): void {
    this.count = 0;
    this.sum = 0;
    for (const slot of this.slots) slot.clear();
    this.exact.fill(undefined);
    for (let i = 0; i < this.exact.length; i++) this.exact[i] = [];
    this.exactHeld = 0;
  }

  /** Advance the head past every slot that has aged out, clearing each one it enters. */
  private rotate(now: number): void {
    const { slotMs, ageBuckets } = this.window;
    const steps = Math.floor((now - this.rotateAt) / slotMs) + 1;
    for (let i = 0; i < Math.min(steps, ageBuckets); i++) {
      this.head = (this.head + 1) % ageBuckets;
      this.slots[this.head]!.clear();
      this.exactHeld -= this.exact[this.head]?.length ?? 0;
      this.exact[this.head] = [];
    }
    this.rotateAt += steps * slotMs;
  }
}

/** Values a summary series keeps exactly (per window) before quantiles come from its sketches. */
export const EXACT_SUMMARY_SAMPLES = 1024;

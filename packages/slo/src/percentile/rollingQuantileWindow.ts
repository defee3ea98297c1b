import { DDSketch } from '@datadog/sketches-js';
import { FieldChecker } from '@lexigram/monitor-core/internal';

/** Options of {@link RollingQuantileWindow}. */
export interface RollingQuantileWindowOptions {
  /** Length of the window in milliseconds. */
  readonly windowMs: number;
  /**
   * Number of time slots the window is cut into (default 12). Samples leave the window one slot
   * at a time, so the window covers between `windowMs - windowMs / slots` and `windowMs`.
   */
  readonly slots?: number;
  /** Relative accuracy of every quantile (default 0.01: within 1 % of the exact value). */
  readonly relativeAccuracy?: number;
  /**
   * Values below this count as 0 (default 0.001: one microsecond when values are milliseconds).
   * With `maxTrackedValue` it bounds the bins a slot can need, whatever values arrive.
   */
  readonly minTrackedValue?: number;
  /** Values above this are recorded as this (default 1e9: eleven and a half days in ms). */
  readonly maxTrackedValue?: number;
}

/** A quantile read from a {@link RollingQuantileWindow}. */
export interface WindowQuantile {
  /** The estimated value at the quantile. */
  readonly value: number;
  /** Samples in the window. */
  readonly count: number;
  /** Smallest and largest sample in the window (exact). */
  readonly min: number;
  readonly max: number;
}

type Sketch = DDSketch;

/**
 * Quantiles over a sliding time window in bounded memory: a ring of time slots, each holding a
 * DDSketch (mergeable, with a relative-accuracy guarantee). A sample goes into the current slot;
 * a read merges the slots still inside the window. Memory depends on the number of slots and the
 * spread of values, never on the number of samples.
 *
 * Values must be finite and >= 0 (durations); the caller checks.
 */
export class RollingQuantileWindow {
  /** Length of the window in milliseconds. */
  readonly windowMs: number;
  /** Width of one slot in milliseconds. */
  readonly slotMs: number;
  private readonly slotCount: number;
  private readonly relativeAccuracy: number;
  private readonly minTracked: number;
  private readonly maxTracked: number;
  private readonly sketches: (Sketch | undefined)[];
  // Absolute slot number (time / slotMs) each ring position holds; -1 when empty.
  private readonly slotIds: Float64Array;
  private latestSlot = -1;
  // The slot last written, cached so most samples skip the slot arithmetic: [start, end) in ms.
  private currentStart = 0;
  private currentEnd = 0;
  private current: Sketch | undefined;

  constructor(options: RollingQuantileWindowOptions) {
    const slots = options.slots ?? 12;
    const relativeAccuracy = options.relativeAccuracy ?? 0.01;
    const minTracked = options.minTrackedValue ?? 1e-3;
    const maxTracked = options.maxTrackedValue ?? 1e9;
    const check = new FieldChecker('RollingQuantileWindow');
    check.positive('windowMs', options.windowMs);
    check.integerAtLeast('slots', slots, 1);
    check.openFraction('relativeAccuracy', relativeAccuracy, '0.01 for 1 %');
    check.positive('minTrackedValue', minTracked);
    check.positive('maxTrackedValue', maxTracked);
    if (check.count === 0 && maxTracked <= minTracked) {
      check.add('maxTrackedValue', `must be greater than minTrackedValue (${minTracked})`);
    }
    check.throwIfInvalid();

    this.windowMs = options.windowMs;
    this.slotCount = slots;
    this.slotMs = options.windowMs / slots;
    this.relativeAccuracy = relativeAccuracy;
    this.minTracked = minTracked;
    this.maxTracked = maxTracked;
    this.sketches = new Array<Sketch | undefined>(slots).fill(undefined);
    this.slotIds = new Float64Array(slots).fill(-1);
  }

  /** Add one sample observed at `nowMs`. */
  record(value: number, nowMs: number): void {
    const clamped = value < this.minTracked ? 0 : value > this.maxTracked ? this.maxTracked : value;
    if (this.current !== undefined && nowMs >= this.currentStart && nowMs < this.currentEnd) {
      this.current.accept(clamped);
      return;
    }
    let slot = Math.floor(nowMs / this.slotMs);
    // A clock that steps back (NTP) must not wipe a newer slot: count the sample as current.
    if (slot < this.latestSlot) slot = this.latestSlot;
    else this.latestSlot = slot;
    const position = slot % this.slotCount;
    let sketch = this.sketches[position];
    if (sketch === undefined || this.slotIds[position] !== slot) {
      sketch = this.newSketch();
      this.sketches[position] = sketch;
      this.slotIds[position] = slot;
    }
    sketch.accept(clamped);
    this.current = sketch;
    this.currentStart = slot * this.slotMs;
    this.currentEnd = this.currentStart + this.slotMs;
  }

  /** The value at quantile `q` (0..1) of the samples inside the window at `nowMs`. */
  quantile(q: number, nowMs: number): WindowQuantile | undefined {
    const merged = this.merge(nowMs);
    if (!merged) return undefined;
    // The sketch answers with its bin's midpoint; the exact min and max are tighter bounds.
    const value = Math.min(merged.max, Math.max(merged.min, merged.getValueAtQuantile(q)));
    return { value, count: merged.count, min: merged.min, max: merged.max };
  }

  /** Samples inside the window at `nowMs`. */
  count(nowMs: number): number {
    let count = 0;
    this.forLiveSlots(nowMs, (sketch) => {
      count += sketch.count;
    });
    return count;
  }

  /**
   * Most bins one slot can hold: the keys between `minTrackedValue` and `maxTrackedValue` at
   * this accuracy, rounded up to the store's 128-bin chunks (1 408 at the defaults, ~11 KB).
   */
  get maxBinsPerSlot(): number {
    const gamma = (1 + this.relativeAccuracy) / (1 - this.relativeAccuracy);
    const keys = Math.ceil(Math.log(this.maxTracked / this.minTracked) / Math.log(gamma)) + 2;
    return Math.ceil(keys / 128) * 128;
  }

  /**
   * Bins held across all slots: the memory the window uses is about 8 bytes per bin plus a small
   * constant per slot. Reported by the benchmark.
   */
  get binCount(): number {
    let bins = 0;
    for (const sketch of this.sketches) {
      if (sketch) bins += sketch.store.bins.length + sketch.negativeStore.bins.length;
    }
    return bins;
  }

  /** Forget every sample. */
  clear(): void {
    this.sketches.fill(undefined);
    this.slotIds.fill(-1);
    this.latestSlot = -1;
    this.current = undefined;
  }

  private merge(nowMs: number): Sketch | undefined {
    let merged: Sketch | undefined;
    this.forLiveSlots(nowMs, (sketch) => {
      if (sketch.count === 0) return;
      merged ??= this.newSketch();
      merged.merge(sketch);
    });
    return merged;
  }

  /** Visit the slots inside the window; release those that fell out of it. */
  private forLiveSlots(nowMs: number, visit: (sketch: Sketch) => void): void {
    const current = Math.max(Math.floor(nowMs / this.slotMs), this.latestSlot);
    const oldest = current - this.slotCount + 1;
    for (let i = 0; i < this.slotCount; i++) {
      const sketch = this.sketches[i];
      if (!sketch) continue;
      const id = this.slotIds[i]!;
      if (id >= oldest && id <= current) visit(sketch);
      else {
        if (sketch === this.current) this.current = undefined;
        this.sketches[i] = undefined;
        this.slotIds[i] = -1;
      }
    }
  }

  private newSketch(): Sketch {
    // The plain dense store: sketches-js's collapsing stores miscount once they collapse
    // (bins summing to more than the count), so memory is bounded by clamping values instead.
    return new DDSketch({ relativeAccuracy: this.relativeAccuracy });
  }
}

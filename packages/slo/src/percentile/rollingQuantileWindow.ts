import { DDSketch } from '@datadog/sketches-js';
import { FieldChecker } from '@lexigram/monitor-core/internal';
import { exactQuantile, sketchQuantile } from './nearestRank.js';

/** Exact samples a window keeps by default before it answers from the sketch alone. */
export const DEFAULT_EXACT_SAMPLES = 2048;

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
   * Samples kept exactly (default 2048): while the window holds at most this many, quantiles
   * are exact; beyond it they come from the sketch, within `relativeAccuracy`. Memory: 8 bytes
   * per sample, so 16 KB per window at the default. 0 always uses the sketch.
   */
  readonly exactSamples?: number;
  /**
   * Values below this count as 0 in the sketch (default 0.001: one microsecond when values are
   * milliseconds). With `maxTrackedValue` it bounds the bins a slot can need, whatever values
   * arrive.
   */
  readonly minTrackedValue?: number;
  /** Values above this are recorded in the sketch as this (default 1e9: 11.5 days in ms). */
  readonly maxTrackedValue?: number;
}

/** A quantile read from a {@link RollingQuantileWindow}. */
export interface WindowQuantile {
  /** The value at the quantile (nearest rank; exact while the window holds few samples). */
  readonly value: number;
  /** Samples in the window. */
  readonly count: number;
  /** Smallest and largest sample in the window (exact). */
  readonly min: number;
  readonly max: number;
  /** True when `value` is exact, false when it comes from the sketch. */
  readonly exact: boolean;
}

type Sketch = DDSketch;

/**
 * Quantiles over a sliding time window in bounded memory: a ring of time slots, each holding a
 * DDSketch (mergeable, with a relative-accuracy guarantee) and, while the whole window holds at
 * most `exactSamples` samples, the samples themselves. Every quantile is the nearest rank (the
 * smallest value with at least `q·n` samples at or below it): exact from the kept samples, or
 * within `relativeAccuracy` from the merged sketches once the window holds more. Memory depends
 * on the number of slots, the exact bound and the spread of values, never on the number of
 * samples.
 *
 * Times must come from a monotonic clock (`performance.now()`): a wall clock that steps forward
 * would file samples in the future. Values must be finite and >= 0 (durations); the caller checks.
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
  private readonly exactLimit: number;
  private readonly sketches: (Sketch | undefined)[];
  // The exact samples of each slot; undefined once the window went past `exactLimit`.
  private readonly values: (number[] | undefined)[];
  // Absolute slot number (time / slotMs) each ring position holds; -1 when empty.
  private readonly slotIds: Float64Array;
  private exactHeld = 0;
  private latestSlot = -1;
  // The slot last written, cached so most samples skip the slot arithmetic: [start, end) in ms.
  private currentStart = 0;
  private currentEnd = 0;
  private currentPosition = -1;

  constructor(options: RollingQuantileWindowOptions) {
    const slots = options.slots ?? 12;
    const relativeAccuracy = options.relativeAccuracy ?? 0.01;
    const minTracked = options.minTrackedValue ?? 1e-3;
    const maxTracked = options.maxTrackedValue ?? 1e9;
    const exactSamples = options.exactSamples ?? DEFAULT_EXACT_SAMPLES;
    const check = new FieldChecker('RollingQuantileWindow');
    check.positive('windowMs', options.windowMs);
    check.integerAtLeast('slots', slots, 1);
    check.openFraction('relativeAccuracy', relativeAccuracy, '0.01 for 1 %');
    check.integerAtLeast('exactSamples', exactSamples, 0);
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
    this.exactLimit = exactSamples;
    this.sketches = new Array<Sketch | undefined>(slots).fill(undefined);
    this.values = new Array<number[] | undefined>(slots).fill(undefined);
    this.slotIds = new Float64Array(slots).fill(-1);
  }

  /** Add one sample observed at `nowMs` (monotonic). */
  record(value: number, nowMs: number): void {
    let position = this.currentPosition;
    if (position < 0 || nowMs < this.currentStart || nowMs >= this.currentEnd) {
      position = this.positionAt(nowMs);
    }
    this.sketches[position]!.accept(this.clamp(value));
    const values = this.values[position];
    if (values === undefined) return;
    if (this.exactHeld < this.exactLimit) {
      values.push(value);
      this.exactHeld++;
    } else {
      this.dropExact();
    }
  }

  /** The nearest-rank value at quantile `q` (0..1) of the samples in the window at `nowMs`. */
  quantile(q: number, nowMs: number): WindowQuantile | undefined {
    let count = 0;
    let exact = true;
    let merged: Sketch | undefined;
    this.forLiveSlots(nowMs, (position) => {
      const sketch = this.sketches[position]!;
      if (sketch.count === 0) return;
      count += sketch.count;
      if (this.values[position] === undefined) exact = false;
      merged ??= this.newSketch();
      merged.merge(sketch);
    });
    if (merged === undefined || count === 0) return undefined;
    if (exact) {
      const all = new Float64Array(count);
      let at = 0;
      this.forLiveSlots(nowMs, (position) => {
        const values = this.values[position]!;
        all.set(values, at);
        at += values.length;
      });
      const value = exactQuantile(all, q);
      return { value, count, min: all[0]!, max: all[count - 1]!, exact: true };
    }
    // The sketch answers with its bin's midpoint; the exact min and max are tighter bounds.
    const value = Math.min(merged.max, Math.max(merged.min, sketchQuantile(merged, q)));
    return { value, count, min: merged.min, max: merged.max, exact: false };
  }

  /** Samples inside the window at `nowMs`. */
  count(nowMs: number): number {
    let count = 0;
    this.forLiveSlots(nowMs, (position) => {
      count += this.sketches[position]!.count;
    });
    return count;
  }

  /**
   * Add the samples `other` holds at `nowMs`, each at the start of the slot it was filed in (so
   * they age out at most one of `other`'s slots early). Used to keep samples recorded before an
   * SLO with this window length was registered.
   */
  seedFrom(other: RollingQuantileWindow, nowMs: number): void {
    const positions: number[] = [];
    other.forLiveSlots(nowMs, (position) => positions.push(position));
    positions.sort((a, b) => other.slotIds[a]! - other.slotIds[b]!);
    for (const from of positions) {
      const sketch = other.sketches[from]!;
      if (sketch.count === 0) continue;
      const position = this.positionAt(other.slotIds[from]! * other.slotMs);
      this.sketches[position]!.merge(sketch);
      const source = other.values[from];
      const target = this.values[position];
      if (source === undefined || this.exactHeld + source.length > this.exactLimit) {
        this.dropExact();
      } else if (target !== undefined) {
        for (const v of source) target.push(v);
        this.exactHeld += source.length;
      }
    }
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
   * Bins held across all slots: the memory the window uses is about 8 bytes per bin plus 8 per
   * exact sample and a small constant per slot. Reported by the benchmark.
   */
  get binCount(): number {
    let bins = 0;
    for (const sketch of this.sketches) {
      if (sketch) bins += sketch.store.bins.length + sketch.negativeStore.bins.length;
    }
    return bins;
  }

  /** Exact samples held (at most `exactSamples`). */
  get exactSampleCount(): number {
    return this.exactHeld;
  }

  /** Forget every sample. */
  clear(): void {
    this.sketches.fill(undefined);
    this.values.fill(undefined);
    this.slotIds.fill(-1);
    this.exactHeld = 0;
    this.latestSlot = -1;
    this.currentPosition = -1;
  }

  private clamp(value: number): number {
    return value < this.minTracked ? 0 : value > this.maxTracked ? this.maxTracked : value;
  }

  /** The ring position of the slot holding `nowMs`, emptied first when it held an older slot. */
  private positionAt(nowMs: number): number {
    let slot = Math.floor(nowMs / this.slotMs);
    // A time behind the newest slot (should not happen with a monotonic clock) counts as
    // current rather than wiping a newer slot.
    if (slot < this.latestSlot) slot = this.latestSlot;
    else this.latestSlot = slot;
    const position = slot % this.slotCount;
    if (this.sketches[position] === undefined || this.slotIds[position] !== slot) {
      this.release(position);
      this.sketches[position] = this.newSketch();
      this.values[position] = this.exactLimit > 0 ? [] : undefined;
      this.slotIds[position] = slot;
    }
    this.currentPosition = position;
    this.currentStart = slot * this.slotMs;
    this.currentEnd = this.currentStart + this.slotMs;
    return position;
  }

  /** Past the exact bound: every slot answers from its sketch until it leaves the window. */
  private dropExact(): void {
    this.values.fill(undefined);
    this.exactHeld = 0;
  }

  private release(position: number): void {
    this.exactHeld -= this.values[position]?.length ?? 0;
    this.sketches[position] = undefined;
    this.values[position] = undefined;
    this.slotIds[position] = -1;
    if (position === this.currentPosition) this.currentPosition = -1;
  }

  /** Visit the slots inside the window; release those that fell out of it. */
  private forLiveSlots(nowMs: number, visit: (position: number) => void): void {
    const current = Math.max(Math.floor(nowMs / this.slotMs), this.latestSlot);
    const oldest = current - this.slotCount + 1;
    for (let i = 0; i < this.slotCount; i++) {
      if (!this.sketches[i]) continue;
      const id = this.slotIds[i]!;
      if (id >= oldest && id <= current) visit(i);
      else this.release(i);
    }
  }

  private newSketch(): Sketch {
    // The plain dense store: sketches-js's collapsing stores miscount once they collapse
    // (bins summing to more than the count), so memory is bounded by clamping values instead.
    return new DDSketch({ relativeAccuracy: this.relativeAccuracy });
  }
}

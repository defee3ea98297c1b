import { INITIAL_SLOTS, grownCapacity } from '../series/numberColumn.js';

// Below this many bounds a linear scan beats a binary search.
const LINEAR_SCAN_MAX = 16;

/**
 * The buckets and sums of every series of one histogram, by slot, in two flat `Float64Array`s:
 * slot `s` owns `counts[s * stride .. s * stride + bounds.length]` (the last one the `+Inf`
 * bucket) and `sums[s]`. Counts are kept per bucket (not cumulative) so an observation touches
 * one cell; `collect()` accumulates them. Float64 counts stay exact up to 2^53.
 */
export class HistogramColumns {
  /** Count per bucket per slot. */
  counts: Float64Array;
  /** Sum of observations per slot. */
  sums: Float64Array;
  /** Cells per slot in `counts`: the bounds plus the `+Inf` bucket. */
  readonly stride: number;
  /** Upper bounds, `+Inf` not included. */
  readonly bounds: Float64Array;

  constructor(bounds: Float64Array, capacity = INITIAL_SLOTS) {
    this.bounds = bounds;
    this.stride = bounds.length + 1;
    this.counts = new Float64Array(capacity * this.stride);
    this.sums = new Float64Array(capacity);
  }

  /** Make slot `slot` exist, zeroed (a reused slot is cleared). */
  claim(slot: number): void {
    const stride = this.stride;
    if (slot >= this.sums.length) {
      const capacity = grownCapacity(this.sums.length, slot);
      const counts = new Float64Array(capacity * stride);
      counts.set(this.counts);
      this.counts = counts;
      const sums = new Float64Array(capacity);
      sums.set(this.sums);
      this.sums = sums;
    }
    this.counts.fill(0, slot * stride, (slot + 1) * stride);
    this.sums[slot] = 0;
  }

  /** Record a validated value in slot `slot`. NaN goes to `+Inf` only and makes the sum NaN. */
  add(slot: number, value: number): void {
    const bounds = this.bounds;
    const n = bounds.length;
    let i: number;
    if (n <= LINEAR_SCAN_MAX) {
      // `<=` is false for NaN, so NaN falls through to +Inf, as Prometheus' clients do.
      i = 0;
      while (i < n && !(value <= bounds[i]!)) i++;
    } else {
      i = value !== value ? n : upperBoundIndex(bounds, value);
    }
    this.counts[slot * this.stride + i]!++;
    this.sums[slot]! += value;
  }

  /** Copy slot `slot` into slot 0 of new columns of one slot. */
  copySlot(slot: number): HistogramColumns {
    const own = new HistogramColumns(this.bounds, 1);
    own.counts.set(this.counts.subarray(slot * this.stride, (slot + 1) * this.stride));
    own.sums[0] = this.sums[slot]!;
    return own;
  }

  /** Zero every slot. */
  reset(): void {
    this.counts.fill(0);
    this.sums.fill(0);
  }
}

/** Index of the first bound >= value (n when none). */
function upperBoundIndex(bounds: Float64Array, value: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

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

  /**
   * Make slot `slot` exist, zeroed (a reused slot is cleared). True when the arrays were replaced
   * by larger ones: handles holding the old ones must refresh.
   */
  claim(slot: number): boolean {
    const stride = this.stride;
    let grew = false;
    if (slot >= this.sums.length) {
      grew = true;
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
    return grew;
  }

  /** Record a validated value in slot `slot`. NaN goes to `+Inf` only and makes the sum NaN. */
  add(slot: number, value: number): void {
    this.counts[slot * this.stride + bucketIndex(this.bounds, value)]!++;
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

/**
 * The bucket of `value`: the index of the first bound >= value, `bounds.length` (the `+Inf`
 * bucket) when none is. NaN goes to `+Inf`, as in Prometheus' clients.
 */
export function bucketIndex(bounds: Float64Array, value: number): number {
  const n = bounds.length;
  if (n <= LINEAR_SCAN_MAX) {
    // `<=` is false for NaN, so NaN falls through to +Inf.
    let i = 0;
    while (i < n && !(value <= bounds[i]!)) i++;
    return i;
  }
  return value !== value ? n : upperBoundIndex(bounds, value);
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

const EMPTY = new Float64Array(0);
const INITIAL_BINS = 32;

/**
 * Counts per logarithmic bucket index, in a dense array over the indices seen so far. Memory is
 * bounded: the array never spans more than `maxBins` indices; past that the lowest indices are
 * collapsed into one bin (only the smallest magnitudes lose precision, the tail stays exact).
 */
export class BinStore {
  /** Counts; `bins[j]` is the count of index `offset + j`. */
  bins: Float64Array = EMPTY;
  /** Index of `bins[0]`. */
  offset = 0;
  /** Lowest and highest index holding a count (meaningless while `total` is 0). */
  minIndex = 0;
  maxIndex = 0;
  /** Sum of all counts. */
  total = 0;
  private collapsed = false;
  private readonly maxBins: number;

  constructor(maxBins: number) {
    this.maxBins = maxBins;
  }

  /** Count one value in bucket `index`. */
  add(index: number): void {
    let j = index - this.offset;
    if (j < 0 || j >= this.bins.length) j = this.slotFor(index);
    this.bins[j]!++;
    if (this.total === 0) {
      this.minIndex = this.maxIndex = this.offset + j;
    } else if (this.offset + j < this.minIndex) {
      this.minIndex = this.offset + j;
    } else if (this.offset + j > this.maxIndex) {
      this.maxIndex = this.offset + j;
    }
    this.total++;
  }

  /** Count at `index` (0 outside the covered range). */
  countAt(index: number): number {
    const j = index - this.offset;
    return j >= 0 && j < this.bins.length ? this.bins[j]! : 0;
  }

  /** Forget every count, keeping the allocated array for reuse. */
  clear(): void {
    if (this.total !== 0) this.bins.fill(0);
    this.total = 0;
    this.collapsed = false;
  }

  /** Position in `bins` for `index`, growing or collapsing the array as needed. */
  private slotFor(index: number): number {
    // Once collapsed the array is maxBins long and its first bin holds everything below it.
    if (this.collapsed && index < this.offset) return 0;
    if (this.total === 0) {
      if (this.bins.length === 0)
        this.bins = new Float64Array(Math.min(INITIAL_BINS, this.maxBins));
      // Empty (new or cleared): just re-centre on the first index.
      this.offset = index - (this.bins.length >> 1);
      return index - this.offset;
    }
    const lo = Math.min(index, this.minIndex);
    const hi = Math.max(index, this.maxIndex);
    if (!this.collapsed && hi - lo + 1 <= this.maxBins) {
      this.resize(lo, hi);
      return index - this.offset;
    }
    // Too wide: keep the top maxBins indices and fold everything below into the lowest kept one.
    const newOffset = hi - this.maxBins + 1;
    const next = new Float64Array(this.maxBins);
    for (let k = this.minIndex; k <= this.maxIndex; k++) {
      const count = this.countAt(k);
      if (count !== 0) next[Math.max(k, newOffset) - newOffset]! += count;
    }
    this.bins = next;
    this.offset = newOffset;
    this.collapsed = true;
    this.minIndex = Math.max(this.minIndex, newOffset);
    return Math.max(index, newOffset) - newOffset;
  }

  /** Reallocate so `[lo, hi]` fits, with headroom, keeping every count. */
  private resize(lo: number, hi: number): void {
    const span = hi - lo + 1;
    let size = Math.max(this.bins.length, 1);
    while (size < span) size *= 2;
    size = Math.min(size * 2, this.maxBins);
    // Centre the needed range in the new array so growth in either direction is amortised.
    const offset = lo - ((size - span) >> 1);
    const next = new Float64Array(size);
    for (let k = this.minIndex; k <= this.maxIndex; k++) next[k - offset] = this.countAt(k);
    this.bins = next;
    this.offset = offset;
  }
}

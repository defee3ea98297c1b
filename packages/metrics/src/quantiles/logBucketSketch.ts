import { BinStore } from './binStore.js';

/** Relative accuracy of quantile estimates: within 1% of the true value. */
export const RELATIVE_ACCURACY = 0.01;
/** Most buckets per sign: 1024 buckets at 1% span about nine decades (e.g. 1 µs to 800 s). */
export const MAX_BINS = 1024;
// Magnitudes below this count as zero (they have no useful logarithm).
const MIN_MAGNITUDE = 1e-9;

const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const MULTIPLIER = 1 / Math.log(GAMMA);

/**
 * A bounded-memory quantile sketch with relative-error guarantees (the DDSketch scheme): each
 * value is counted in bucket `ceil(log_γ |v|)`, so any quantile is estimated within
 * {@link RELATIVE_ACCURACY} of the true value, whatever the distribution, with at most
 * {@link MAX_BINS} buckets per sign. Insertion is one logarithm and one array increment.
 */
export class LogBucketSketch {
  /** Values counted, infinities included. */
  count = 0;
  /** Smallest and largest value seen (exact; used to clamp estimates). */
  min = Infinity;
  max = -Infinity;
  /** Values whose magnitude is below 1e-9. */
  zeroCount = 0;
  /** Counts of `+Infinity` and `-Infinity`. */
  posInfCount = 0;
  negInfCount = 0;
  /** Buckets of positive values and of negative values (by magnitude). */
  readonly positive = new BinStore(MAX_BINS);
  readonly negative = new BinStore(MAX_BINS);

  /** Count `value` (NaN must be filtered by the caller). */
  add(value: number): void {
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (value > MIN_MAGNITUDE) {
      if (value === Infinity) this.posInfCount++;
      else this.positive.add(bucketIndex(value));
    } else if (value < -MIN_MAGNITUDE) {
      if (value === -Infinity) this.negInfCount++;
      else this.negative.add(bucketIndex(-value));
    } else {
      this.zeroCount++;
    }
  }

  /** Forget everything (buffers are kept for reuse). */
  clear(): void {
    this.count = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.zeroCount = 0;
    this.posInfCount = 0;
    this.negInfCount = 0;
    this.positive.clear();
    this.negative.clear();
  }
}

/** Bucket index of a positive finite magnitude. */
export function bucketIndex(magnitude: number): number {
  return Math.ceil(Math.log(magnitude) * MULTIPLIER);
}

/** The value a bucket stands for: within RELATIVE_ACCURACY of anything counted in it. */
export function bucketValue(index: number): number {
  return (2 * Math.pow(GAMMA, index)) / (GAMMA + 1);
}

/**
 * The 1-based nearest rank of quantile `q` among `n` values: the smallest `k` with `k >= q·n`
 * (at least 1); a relative tolerance absorbs the rounding of `q·n`.
 */
export function nearestRank(q: number, n: number): number {
  const k = Math.ceil(q * n - n * 1e-12);
  return k < 1 ? 1 : k > n ? n : k;
}

/**
 * Estimate each of `quantiles` (ascending, in (0, 1)) over the union of `sketches`, as if they
 * were one sketch: the nearest rank (the bucket holding the `⌈q·n⌉`-th value), within the
 * sketch's relative accuracy. NaN for every quantile when they hold nothing.
 */
export function mergedQuantiles(
  sketches: readonly LogBucketSketch[],
  quantiles: readonly number[],
): number[] {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const s of sketches) {
    count += s.count;
    if (s.min < min) min = s.min;
    if (s.max > max) max = s.max;
  }
  if (count === 0) return quantiles.map(() => NaN);

  // Walk the buckets in ascending value order once, answering each quantile as its rank passes.
  const out: number[] = [];
  let q = 0;
  let seen = 0;
  const clamp = (v: number): number => (v < min ? min : v > max ? max : v);
  const emitUpTo = (bucketCount: number, value: number): void => {
    seen += bucketCount;
    while (q < quantiles.length && nearestRank(quantiles[q]!, count) <= seen) {
      out.push(clamp(value));
      q++;
    }
  };

  emitUpTo(
    sum(sketches, (s) => s.negInfCount),
    -Infinity,
  );
  const [negLo, negHi] = range(sketches.map((s) => s.negative));
  for (let k = negHi; k >= negLo && q < quantiles.length; k--) {
    const c = sum(sketches, (s) => s.negative.countAt(k));
    if (c !== 0) emitUpTo(c, -bucketValue(k));
  }
  emitUpTo(
    sum(sketches, (s) => s.zeroCount),
    0,
  );
  const [posLo, posHi] = range(sketches.map((s) => s.positive));
  for (let k = posLo; k <= posHi && q < quantiles.length; k++) {
    const c = sum(sketches, (s) => s.positive.countAt(k));
    if (c !== 0) emitUpTo(c, bucketValue(k));
  }
  emitUpTo(
    sum(sketches, (s) => s.posInfCount),
    Infinity,
  );
  while (out.length < quantiles.length) out.push(max);
  return out;
}

function sum(sketches: readonly LogBucketSketch[], of: (s: LogBucketSketch) => number): number {
  let total = 0;
  for (const s of sketches) total += of(s);
  return total;
}

/** Lowest and highest used index over `stores` ([0, -1] when all are empty). */
function range(stores: readonly BinStore[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const store of stores) {
    if (store.total === 0) continue;
    if (store.minIndex < lo) lo = store.minIndex;
    if (store.maxIndex > hi) hi = store.maxIndex;
  }
  return lo === Infinity ? [0, -1] : [lo, hi];
}

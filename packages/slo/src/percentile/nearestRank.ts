import type { DDSketch } from '@datadog/sketches-js';

/**
 * The 1-based nearest rank of quantile `q` among `n` samples: the smallest `k` with
 * `k >= q·n` (at least 1). A relative tolerance absorbs the rounding of `q·n` (0.07 · 100 is
 * 7.000000000000001 in floating point, which must still give 7).
 */
export function nearestRank(q: number, n: number): number {
  const k = Math.ceil(q * n - n * 1e-12);
  return k < 1 ? 1 : k > n ? n : k;
}

/** The nearest-rank quantile `q` of `values` (sorted in place). `values` must not be empty. */
export function exactQuantile(values: Float64Array, q: number): number {
  values.sort();
  return values[nearestRank(q, values.length) - 1]!;
}

/**
 * The nearest-rank quantile `q` read from a DDSketch (within its relative accuracy). The sketch
 * reads the key where the running count first exceeds `q'·(n − 1)`; asking for rank `k − ½`
 * lands on the bin holding the `k`-th smallest sample whatever the rounding.
 */
export function sketchQuantile(sketch: DDSketch, q: number): number {
  const n = sketch.count;
  const k = nearestRank(q, n);
  const quantile = k >= n ? 1 : (k - 0.5) / (n - 1);
  return sketch.getValueAtQuantile(quantile);
}

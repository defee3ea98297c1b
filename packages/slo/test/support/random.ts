/** mulberry32: a small seeded PRNG, so accuracy tests see the same data every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Log-normal latencies (median `medianMs`), the usual shape of request durations. */
export function latencySampler(seed: number, medianMs = 50, sigma = 0.8): () => number {
  const random = seededRandom(seed);
  return () => {
    // Box-Muller
    const u = 1 - random();
    const v = random();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return medianMs * Math.exp(sigma * normal);
  };
}

/** The exact nearest-rank quantile: the smallest sample with at least q·n samples at or below it. */
export function exactQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  return sorted[Math.min(n, Math.max(1, Math.ceil(q * n - n * 1e-12))) - 1]!;
}

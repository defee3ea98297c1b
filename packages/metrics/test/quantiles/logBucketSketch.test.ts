import {
  LogBucketSketch,
  MAX_BINS,
  RELATIVE_ACCURACY,
  bucketIndex,
  bucketValue,
  mergedQuantiles,
} from '../../src/quantiles/logBucketSketch.js';

/** Exact lower quantile (rank q·(n−1)) of sorted values. */
function exact(sorted: number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

/** A seeded PRNG, so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('LogBucketSketch', () => {
  it('bucket value is within the relative accuracy of what the bucket holds', () => {
    for (const v of [1e-6, 0.003, 1, 42, 1e6, 123456.789]) {
      expect(Math.abs(bucketValue(bucketIndex(v)) - v) / v).toBeLessThanOrEqual(
        RELATIVE_ACCURACY + 1e-12,
      );
    }
  });

  it('estimates quantiles of a skewed distribution within 1%', () => {
    const random = rng(7);
    const sketch = new LogBucketSketch();
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const v = Math.exp(random() * 8) / 1000; // log-uniform over ~3.5 decades
      values.push(v);
      sketch.add(v);
    }
    values.sort((a, b) => a - b);
    const qs = [0.01, 0.25, 0.5, 0.9, 0.99, 0.999];
    const estimates = mergedQuantiles([sketch], qs);
    qs.forEach((q, i) => {
      const truth = exact(values, q);
      expect(Math.abs(estimates[i]! - truth) / truth).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-9);
    });
  });

  it('merges several sketches as if they were one', () => {
    const a = new LogBucketSketch();
    const b = new LogBucketSketch();
    for (let i = 1; i <= 50; i++) a.add(i);
    for (let i = 51; i <= 100; i++) b.add(i);
    const [p50, p99] = mergedQuantiles([a, b], [0.5, 0.99]);
    expect(p50).toBeCloseTo(50, -0.5);
    expect(p99).toBeCloseTo(99, -0.5);
    expect(mergedQuantiles([new LogBucketSketch()], [0.5])).toEqual([NaN]);
  });

  it('clamps estimates to the exact min and max', () => {
    const s = new LogBucketSketch();
    s.add(3);
    expect(mergedQuantiles([s], [0.01, 0.99])).toEqual([3, 3]);
  });

  it('stays bounded over a huge range: at most MAX_BINS per sign, top quantiles exact to 1%', () => {
    const s = new LogBucketSketch();
    const values: number[] = [];
    for (let e = -8; e <= 12; e += 0.001) {
      const v = 10 ** e;
      values.push(v);
      s.add(v);
    }
    expect(s.positive.bins.length).toBeLessThanOrEqual(MAX_BINS);
    values.sort((a, b) => a - b);
    const [p99] = mergedQuantiles([s], [0.99]);
    const truth = exact(values, 0.99);
    expect(Math.abs(p99! - truth) / truth).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-9);
    expect(s.count).toBe(values.length);
  });

  it('clear forgets everything and reuses its buffers', () => {
    const s = new LogBucketSketch();
    for (let i = 1; i < 100; i++) s.add(i);
    const bins = s.positive.bins;
    s.clear();
    expect(s.count).toBe(0);
    expect(mergedQuantiles([s], [0.5])).toEqual([NaN]);
    s.add(50);
    expect(s.positive.bins).toBe(bins);
    expect(mergedQuantiles([s], [0.5])).toEqual([50]);
  });
});

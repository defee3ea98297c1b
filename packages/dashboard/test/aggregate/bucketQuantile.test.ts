import { bucketQuantile } from '../../src/aggregate/bucketQuantile.js';

describe('bucketQuantile', () => {
  const bounds = [0.1, 0.2, 0.4, Number.POSITIVE_INFINITY];

  it('interpolates linearly inside the bucket holding the rank', () => {
    // 10 observations: 4 in (0, 0.1], 4 in (0.1, 0.2], 2 in (0.2, 0.4].
    const counts = [4, 4, 2, 0];
    expect(bucketQuantile(0.5, bounds, counts)).toBeCloseTo(0.125, 10);
    expect(bucketQuantile(0.2, bounds, counts)).toBeCloseTo(0.05, 10);
    expect(bucketQuantile(0.9, bounds, counts)).toBeCloseTo(0.3, 10);
  });

  it('gives the highest finite bound for a rank in +Inf and NaN without data', () => {
    expect(bucketQuantile(0.99, bounds, [0, 0, 1, 9])).toBe(0.4);
    expect(bucketQuantile(0.5, bounds, [0, 0, 0, 0])).toBeNaN();
  });

  it('takes a rank exactly at a bucket edge from the lower bucket, skipping empty ones', () => {
    // Rank 4 of 8 ends bucket 0; bucket 1 is empty; bucket 2 starts at 0.2.
    expect(bucketQuantile(0.5, bounds, [4, 0, 4, 0])).toBeCloseTo(0.1, 10);
    // Rank 0 lies in the first bucket that holds anything, at its lower bound.
    expect(bucketQuantile(0, bounds, [0, 4, 4, 0])).toBeCloseTo(0.1, 10);
    expect(bucketQuantile(1, bounds, [4, 4, 2, 0])).toBeCloseTo(0.4, 10);
  });

  it('gives the last bound for a rank past every observation, NaN without bounds', () => {
    expect(bucketQuantile(2, [0.1, 0.2], [1, 1])).toBe(0.2);
    expect(bucketQuantile(2, [], [1])).toBeNaN();
  });
});

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
});

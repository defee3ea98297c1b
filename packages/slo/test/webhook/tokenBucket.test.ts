import { TokenBucket } from '../../src/webhook/tokenBucket.js';

describe('TokenBucket', () => {
  it('allows a burst of capacity, then refills continuously', () => {
    const bucket = new TokenBucket(3, 60_000); // 3 a minute: one every 20 s
    expect([0, 0, 0, 0].map((t) => bucket.tryTake(t))).toEqual([true, true, true, false]);
    expect(bucket.tryTake(10_000)).toBe(false);
    expect(bucket.tryTake(20_000)).toBe(true);
    expect(bucket.tryTake(20_000)).toBe(false);
    // Never more than the capacity, however long it rests.
    expect([1e9, 1e9, 1e9, 1e9].map((t) => bucket.tryTake(t))).toEqual([true, true, true, false]);
  });

  it('does not refill when the clock steps back', () => {
    const bucket = new TokenBucket(1, 1000);
    expect(bucket.tryTake(5000)).toBe(true);
    expect(bucket.tryTake(1000)).toBe(false);
    expect(bucket.tryTake(5500)).toBe(false);
    expect(bucket.tryTake(6000)).toBe(true);
  });
});

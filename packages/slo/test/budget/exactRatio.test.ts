import { budgetExhausted, burnRateAtLeast, burnRateOf } from '../../src/budget/exactRatio.js';

describe('exact burn-rate decisions', () => {
  it('decides exactly where floating point would flip', () => {
    // 1 bad in 1000 against 99.9 %: exactly burn rate 1.
    const floating = 1 / 1000 / (1 - 0.999);
    expect(floating).toBeLessThan(1); // 0.9999999999999991: a float check would not fire
    expect(burnRateAtLeast(1, 1000, 1000, 1000)).toBe(true);
    expect(burnRateAtLeast(1, 1001, 1000, 1000)).toBe(false);
  });

  it('compares 14.4x exactly', () => {
    // 144 bad in 10 000 at a 0.1 % budget is 14.4x.
    expect(burnRateAtLeast(144, 10_000, 1000, 14_400)).toBe(true);
    expect(burnRateAtLeast(143, 10_000, 1000, 14_400)).toBe(false);
  });

  it('stays exact for counts far beyond 2^53 / 10^9', () => {
    const bad = 2 ** 43;
    const total = bad * 1000; // exactly 1x at 99.9 %, and bad * 10^9 is far past 2^53
    expect(burnRateAtLeast(bad, total, 1000, 1000)).toBe(true);
    expect(burnRateAtLeast(bad - 1, total, 1000, 1000)).toBe(false);
  });

  it('never fires without events', () => {
    expect(burnRateAtLeast(0, 0, 1000, 1)).toBe(false);
    expect(budgetExhausted(0, 0, 1000)).toBe(false);
    expect(burnRateOf(0, 0, 1000)).toBe(0);
  });

  it('calls the budget exhausted once bad events reach the allowance', () => {
    expect(budgetExhausted(9, 10_000, 1000)).toBe(false);
    expect(budgetExhausted(10, 10_000, 1000)).toBe(true);
    expect(budgetExhausted(0, 10_000, 1000)).toBe(false);
  });

  it('reports the burn rate as a number for display', () => {
    expect(burnRateOf(5, 1000, 1000)).toBe(5);
    expect(burnRateOf(0, 1000, 1000)).toBe(0);
  });
});

import { PPM } from './ratioSlo.js';

// Decisions compare integers in BigInt: event counts reach billions, and bad * 10^9 would lose
// precision as a double long before that. Only the cold evaluation path calls these.

/**
 * True when the burn rate of `bad` out of `total` events reaches `burnRateMilli / 1000`, for an
 * error budget of `errorBudgetPpm`. Burn rate = (bad / total) / (errorBudgetPpm / 10^6).
 */
export function burnRateAtLeast(
  bad: number,
  total: number,
  errorBudgetPpm: number,
  burnRateMilli: number,
): boolean {
  if (total <= 0) return false;
  return (
    BigInt(bad) * BigInt(PPM) * 1000n >=
    BigInt(burnRateMilli) * BigInt(total) * BigInt(errorBudgetPpm)
  );
}

/** True when `bad` events have used the whole budget `total` events allow. */
export function budgetExhausted(bad: number, total: number, errorBudgetPpm: number): boolean {
  if (total <= 0 || bad <= 0) return false;
  return BigInt(bad) * BigInt(PPM) >= BigInt(total) * BigInt(errorBudgetPpm);
}

/** The burn rate as a number, for display (0 without events). */
export function burnRateOf(bad: number, total: number, errorBudgetPpm: number): number {
  return total > 0 ? (bad * PPM) / (total * errorBudgetPpm) : 0;
}

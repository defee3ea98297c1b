import { packageConfig } from './base.mjs';

// Windows, budgets and the webhook retry, rate and dedup rules.
export default packageConfig('slo', [
  'src/budget/slotRing.ts',
  'src/webhook/retryPolicy.ts',
  'src/webhook/tokenBucket.ts',
  'src/webhook/dedupWindow.ts',
  'src/percentile/nearestRank.ts',
]);

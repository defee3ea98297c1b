import { packageConfig } from './base.mjs';

// The cached checker (TTL, single flight, background refresh, shutdown) and the check runner.
export default packageConfig('health', [
  'src/cache/cachedHealthChecker.ts',
  'src/runner/runCheck.ts',
  'src/runner/healthChecker.ts',
  'src/runner/aggregateStatus.ts',
]);

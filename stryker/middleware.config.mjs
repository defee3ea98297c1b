import { packageConfig } from './base.mjs';

// Per-request hot path: the series cache and the semantic-convention mapping (method, status).
export default packageConfig('middleware', [
  'src/lifecycle/seriesCache.ts',
  'src/lifecycle/semconv.ts',
]);

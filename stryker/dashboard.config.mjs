import { packageConfig } from './base.mjs';

// Quantiles from buckets and the bounded event feed.
export default packageConfig('dashboard', [
  'src/aggregate/bucketQuantile.ts',
  'src/feed/eventFeed.ts',
]);

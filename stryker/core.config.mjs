import { packageConfig } from './base.mjs';

// Background loops, shutdown deadlines and duration validation: what every package leans on.
export default packageConfig('core', [
  'src/internal/backgroundLoop.ts',
  'src/internal/shutdownOnce.ts',
  'src/internal/durations.ts',
]);

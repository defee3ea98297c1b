import { packageConfig } from './base.mjs';

// Event-loop sampling and the accumulation of the performance monitor's metrics.
export default packageConfig('profiling', [
  'src/sampling/eventLoopProbe.ts',
  'src/monitor/metricsAccumulator.ts',
]);

import { packageConfig } from './base.mjs';

// The hot path of every instrument: label validation and the series lookup.
export default packageConfig('metrics', ['src/series/labelValues.ts', 'src/series/seriesStore.ts']);

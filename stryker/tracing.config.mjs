import { packageConfig } from './base.mjs';

// Context propagation parsers: every incoming request goes through them.
export default packageConfig('tracing', [
  'src/propagation/b3.ts',
  'src/propagation/traceparent.ts',
  'src/propagation/traceState.ts',
  'src/propagation/carrier.ts',
]);

import { packageConfig } from './base.mjs';

// The span around every handler.
export default packageConfig('nestjs', ['src/handlerTracing.ts']);

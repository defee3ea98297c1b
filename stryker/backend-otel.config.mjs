import { packageConfig } from './base.mjs';

// Retry with backoff of every OTLP export.
export default packageConfig('backend-otel', ['src/transport/retryingTransport.ts']);

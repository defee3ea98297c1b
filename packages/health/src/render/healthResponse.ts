// Moved to core so the middleware can render health without depending on this package.
export type { HealthRenderer, HealthResponse, RenderOptions } from '@lexigram/monitor-core';

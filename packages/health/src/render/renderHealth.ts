// Moved to core so the middleware can render health without depending on this package.
export {
  healthFormatFromAccept,
  renderHealth,
  type AnyRenderOptions,
  type HealthFormat,
} from '@lexigram/monitor-core';

// Moved to core so the middleware can render health without depending on this package.
export {
  HEALTH_JSON_CONTENT_TYPE,
  renderHealthJson,
  toHealthJsonStatus,
  type HealthJsonOptions,
  type HealthJsonStatus,
} from '@lexigram/monitor-core';

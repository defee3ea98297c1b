// Moved to core so the middleware can render health without depending on this package.
export { cleanMessage, toSafeJson } from '@lexigram/monitor-core/internal';

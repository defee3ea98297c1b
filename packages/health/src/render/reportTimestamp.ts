// Moved to core so the middleware can render health without depending on this package.
export { reportTimestamp } from '@lexigram/monitor-core/internal';

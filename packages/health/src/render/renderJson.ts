// Moved to core so the middleware can render health without depending on this package.
export { httpStatusFor, renderJson } from '@lexigram/monitor-core';

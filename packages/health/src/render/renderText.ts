// Moved to core so the middleware can render health without depending on this package.
export { renderText, type TextRenderOptions } from '@lexigram/monitor-core';

/**
 * `@lexigram/monitor-core/internal`: helpers shared by the Lexigram Monitor packages.
 *
 * **Unstable**: no semver promise; only `@lexigram/monitor-*` packages may import it, and they
 * pin the core version they were built with. Applications use the main entry.
 *
 * @packageDocumentation
 */
export { reportFault } from '../diagnostics/diagnostics.js';
export { processSingleton } from './processSingleton.js';
export { cleanMessage, toSafeJson } from '../health/sanitize.js';
export { reportTimestamp } from '../health/reportTimestamp.js';

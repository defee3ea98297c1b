/**
 * `@lexigram/monitor-middleware/hono`: the Hono 4 adapter. Hono is a peer dependency, imported for
 * its types only.
 *
 * @packageDocumentation
 */
export { instrumentHono, type HonoMonitorOptions } from './instrumentHono.js';

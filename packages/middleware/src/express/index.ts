/**
 * `@lexigram/monitor-middleware/express`: the Express 5 adapter. Express is a peer dependency,
 * imported for its types only.
 *
 * @packageDocumentation
 */
export { instrumentExpress, type ExpressMonitorOptions } from './instrumentExpress.js';

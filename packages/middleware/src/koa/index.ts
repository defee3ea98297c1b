/**
 * `@lexigram/monitor-middleware/koa`: the Koa 3 adapter (routes from `@koa/router`). Koa is a peer
 * dependency, imported for its types only.
 *
 * @packageDocumentation
 */
export { instrumentKoa, type KoaMonitorOptions } from './instrumentKoa.js';

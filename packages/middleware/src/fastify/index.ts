/**
 * `@lexigram/monitor-middleware/fastify`: the Fastify 5 adapter. Fastify is a peer dependency,
 * imported for its types only.
 *
 * @packageDocumentation
 */
export { instrumentFastify, type FastifyMonitorOptions } from './instrumentFastify.js';

import type { FastifyInstance } from 'fastify';
import type { NodeAdapterOptions } from '../adapterOptions.js';
import { pathOf } from '../lifecycle/requestAccess.js';
import { nodeAdapterParts } from '../node/nodeAdapterParts.js';
import { beginNodeRequest, recordOf } from '../node/nodeBinding.js';

/** Options of {@link instrumentFastify}. */
export type FastifyMonitorOptions = NodeAdapterOptions;

/**
 * Instrument a Fastify 5 instance (call it on the root instance before `listen`/`ready`; its
 * hooks then apply to every route). Spans and metrics are labelled with
 * `request.routeOptions.url`; route handlers run with the request's span active; `/metrics` and
 * `/health*` are answered from an `onRequest` hook when their sources are given.
 *
 * @example
 * ```ts
 * const app = Fastify();
 * instrumentFastify(app, { tracer, metricsCollector });
 * app.get('/users/:id', async (req) => ({ id: req.params.id }));
 * ```
 */
export function instrumentFastify(
  fastify: FastifyInstance,
  options: FastifyMonitorOptions = {},
): FastifyInstance {
  if (fastify === null || typeof fastify !== 'object' || typeof fastify.addHook !== 'function') {
    throw new TypeError('instrumentFastify(fastify, options): fastify must be a Fastify instance');
  }
  const { endpoints, instrumentation, dashboard } = nodeAdapterParts(options, 'instrumentFastify');
  fastify.addHook('onRequest', function lexigramMonitor(request, reply, done) {
    const raw = request.raw;
    const path = pathOf(raw.url);
    const kind = endpoints.match(raw.method, path);
    if (kind !== undefined) {
      const q = raw.url?.indexOf('?') ?? -1;
      void endpoints
        .respond(kind, raw.headers.accept, q === -1 ? '' : raw.url!.slice(q + 1))
        .then((response) =>
          reply
            .code(response.statusCode)
            .header('content-type', response.contentType)
            .header('cache-control', 'no-store')
            .send(response.body),
        );
      return;
    }
    if (dashboard?.matches(path)) {
      // The dashboard writes the raw response itself (an event stream among others).
      reply.hijack();
      dashboard.serve(raw, reply.raw);
      return;
    }
    const record = beginNodeRequest(instrumentation, raw, reply.raw) ?? recordOf(raw);
    if (record === undefined) return done();
    instrumentation.setRoute(record, request.routeOptions.url);
    instrumentation.run(record, done);
  });
  fastify.addHook('onError', function lexigramMonitorError(request, _reply, error, done) {
    instrumentation.setError(recordOf(request.raw), error);
    done();
  });
  return fastify;
}

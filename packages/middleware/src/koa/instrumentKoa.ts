import type Koa from 'koa';
import type { NodeAdapterOptions } from '../adapterOptions.js';
import { nodeAdapterParts } from '../node/nodeAdapterParts.js';
import { beginNodeRequest, recordOf } from '../node/nodeBinding.js';

/** Options of {@link instrumentKoa}. */
export type KoaMonitorOptions = NodeAdapterOptions;

/**
 * Instrument a Koa 3 app: call it before `app.use(router.routes())` so its middleware is the
 * outermost. Downstream middleware runs with the request's span active; the route template is
 * `@koa/router`'s `ctx._matchedRoute`; an error thrown downstream is recorded on the span and
 * rethrown for Koa's own handling. `/metrics` and `/health*` are served when their sources are
 * given.
 *
 * @example
 * ```ts
 * const app = new Koa();
 * instrumentKoa(app, { tracer, metricsCollector });
 * app.use(router.routes());
 * ```
 */
export function instrumentKoa<App extends Koa>(app: App, options: KoaMonitorOptions = {}): App {
  if (app === null || typeof app !== 'object' || typeof app.use !== 'function') {
    throw new TypeError('instrumentKoa(app, options): app must be a Koa application');
  }
  const { endpoints, instrumentation, dashboard } = nodeAdapterParts(options, 'instrumentKoa');
  app.use(async function lexigramMonitor(ctx, next) {
    const kind = endpoints.match(ctx.method, ctx.path);
    if (kind !== undefined) {
      const response = await endpoints.respond(
        kind,
        ctx.get('accept') || undefined,
        ctx.querystring,
      );
      ctx.status = response.statusCode;
      ctx.set('cache-control', 'no-store');
      ctx.body = response.body;
      // After the body: Koa's `ctx.type` would append a charset to the exposition's type.
      ctx.set('content-type', response.contentType);
      return;
    }
    if (dashboard?.matches(ctx.path)) {
      // The dashboard writes the raw response itself: Koa must not answer too.
      ctx.respond = false;
      dashboard.serve(ctx.req, ctx.res);
      return;
    }
    const record = beginNodeRequest(instrumentation, ctx.req, ctx.res) ?? recordOf(ctx.req);
    if (record === undefined) {
      await next();
      return;
    }
    try {
      await instrumentation.run(record, next);
    } catch (error) {
      instrumentation.setError(record, error);
      throw error;
    } finally {
      // @koa/router sets a string template; anything else (a RegExp route) stays unmatched.
      const matched = (ctx as { _matchedRoute?: unknown })._matchedRoute;
      if (typeof matched === 'string') instrumentation.setRoute(record, matched);
    }
  });
  return app;
}

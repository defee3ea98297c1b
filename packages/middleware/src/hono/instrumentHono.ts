import type { Context, Hono, Next } from 'hono';
import type { MonitorEndpointOptions } from '../endpoints/endpointOptions.js';
import { adapterParts } from '../adapterParts.js';
import { FETCH_REQUEST_ACCESS, urlQuery } from '../fetch/fetchAccess.js';
import { finishResponse } from '../fetch/finishResponse.js';
import { toResponse } from '../fetch/instrumentFetchHandler.js';
import type { HttpInstrumentationOptions } from '../lifecycle/instrumentationOptions.js';

/** Options of {@link instrumentHono}. */
export interface HonoMonitorOptions
  extends HttpInstrumentationOptions<Request>, MonitorEndpointOptions {}

const WILDCARDS = new Set(['*', '/*']);

/**
 * Instrument a Hono 4 app: call it before defining routes so its middleware is the outermost.
 * The route template is the path of the handler that answered (`c.req.routePath`); a request no
 * route answered is unmatched. Errors Hono turned into responses (`c.error`) are recorded on the
 * span. The request ends when the response body is fully sent, so streamed responses are timed
 * to their end. `/metrics` and `/health*` are served when their sources are given.
 *
 * @example
 * ```ts
 * const app = new Hono();
 * instrumentHono(app, { tracer, metricsCollector });
 * app.get('/users/:id', (c) => c.json({ id: c.req.param('id') }));
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Hono env and schema
export function instrumentHono<App extends Hono<any, any, any>>(
  app: App,
  options: HonoMonitorOptions = {},
): App {
  if (app === null || typeof app !== 'object' || typeof app.use !== 'function') {
    throw new TypeError('instrumentHono(app, options): app must be a Hono application');
  }
  const { endpoints, instrumentation } = adapterParts(
    FETCH_REQUEST_ACCESS,
    options,
    'instrumentHono',
  );
  const lexigramMonitor = async (c: Context, next: Next): Promise<Response | void> => {
    const kind = endpoints.match(c.req.method, c.req.path);
    if (kind !== undefined) {
      const raw = c.req.raw;
      return toResponse(
        await endpoints.respond(kind, raw.headers.get('accept') ?? undefined, urlQuery(raw.url)),
        raw.method,
      );
    }
    const record = instrumentation.start(c.req.raw);
    if (record === undefined) return next();
    try {
      await instrumentation.run(record, next);
    } catch (error) {
      instrumentation.setError(record, error);
      instrumentation.end(record, 500, false, true);
      throw error;
    }
    const matched = c.req.matchedRoutes[c.req.routeIndex];
    if (
      matched !== undefined &&
      matched.handler !== lexigramMonitor &&
      !WILDCARDS.has(matched.path)
    ) {
      instrumentation.setRoute(record, matched.path);
    }
    if (c.error !== undefined) instrumentation.setError(record, c.error);
    c.res = finishResponse(instrumentation, record, c.res);
  };
  app.use('*', lexigramMonitor);
  return app;
}

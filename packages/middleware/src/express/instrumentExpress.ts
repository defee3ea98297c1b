import type { IncomingMessage } from 'node:http';
import type { Express, NextFunction, Request, Response } from 'express';
import type { NodeAdapterOptions } from '../adapterOptions.js';
import { pathOf } from '../lifecycle/requestAccess.js';
import { nodeAdapterParts } from '../node/nodeAdapterParts.js';
import { beginNodeRequest, recordOf } from '../node/nodeBinding.js';
import { writeEndpoint } from '../node/writeEndpoint.js';
import { recordExpressRouterErrors } from './routerErrors.js';

/** Options of {@link instrumentExpress}. */
export type ExpressMonitorOptions = NodeAdapterOptions;

/**
 * Instrument an Express 5 app: call it right after `express()`, before any route, so its
 * middleware runs first. Each request gets a server span and metrics labelled by the route
 * template (`req.baseUrl + req.route.path`, so routers mounted under a prefix give the full
 * template); `/metrics` and `/health*` are served when their sources are given.
 *
 * The template is captured when the router matches (through an accessor on `app.request`, the
 * prototype Express gives each request), because Express restores `req.baseUrl` when an error
 * leaves a mounted router. An error a handler throws, rejects with or passes to `next(err)` is
 * recorded on the span (an `exception` event, status `error`), also when your error handler
 * answers it, through the router's `express.router.request` tracing channel (router 2.3+, which
 * Express 5 installs).
 *
 * @example
 * ```ts
 * const app = express();
 * instrumentExpress(app, { tracer, metricsCollector });
 * app.get('/users/:id', (req, res) => res.json({ id: req.params.id }));
 * ```
 */
export function instrumentExpress(app: Express, options: ExpressMonitorOptions = {}): Express {
  if (app === null || typeof app !== 'function' || typeof app.use !== 'function') {
    throw new TypeError('instrumentExpress(app, options): app must be an Express application');
  }
  const { endpoints, instrumentation, dashboard } = nodeAdapterParts(options, 'instrumentExpress');
  captureRouteTemplates(app.request as object);
  recordExpressRouterErrors();
  app.use(function lexigramMonitor(req: Request, res: Response, next: NextFunction) {
    const raw = req as unknown as IncomingMessage;
    const path = pathOf(req.originalUrl ?? req.url);
    const kind = endpoints.match(req.method, path);
    if (kind !== undefined) {
      void writeEndpoint(endpoints, kind, raw, res);
      return;
    }
    if (dashboard?.matches(path)) return dashboard.serve(raw, res);
    const record = beginNodeRequest(instrumentation, raw, res) ?? recordOf(raw);
    if (record === undefined) return next();
    instrumentation.run(record, next);
  });
  return app;
}

// Wrap `route` on the app's request prototype: when the router sets `req.route`, remember the
// full template with the current `req.baseUrl`.
function captureRouteTemplates(proto: object): void {
  if (Object.getOwnPropertyDescriptor(proto, 'route')?.set !== undefined) return;
  const store = Symbol('route');
  Object.defineProperty(proto, 'route', {
    configurable: true,
    enumerable: false,
    get(this: Record<symbol, unknown>) {
      return this[store];
    },
    set(
      this: Record<symbol, unknown> & { baseUrl?: string },
      value: { path?: unknown } | undefined,
    ) {
      this[store] = value;
      const record = recordOf(this as unknown as IncomingMessage);
      if (record !== undefined && value !== undefined && typeof value.path === 'string') {
        record.route = (this.baseUrl ?? '') + value.path;
      }
    },
  });
}

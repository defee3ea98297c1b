import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MonitorEndpointOptions } from '../endpoints/endpointOptions.js';
import { MonitorEndpoints } from '../endpoints/monitorEndpoints.js';
import { HttpInstrumentation } from '../lifecycle/httpInstrumentation.js';
import {
  DEFAULT_EXCLUDED_PATHS,
  type HttpInstrumentationOptions,
} from '../lifecycle/instrumentationOptions.js';
import { pathOf } from '../lifecycle/requestAccess.js';
import { DashboardMount, type DashboardMountOptions } from './dashboardMount.js';
import { NODE_REQUEST_ACCESS } from './nodeAccess.js';
import { beginNodeRequest } from './nodeBinding.js';
import { writeEndpoint } from './writeEndpoint.js';

/** A `node:http` request listener. */
export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Options of {@link instrumentNodeHttp}: what to record, and the endpoints to serve. */
export interface NodeHttpOptions
  extends
    HttpInstrumentationOptions<IncomingMessage>,
    MonitorEndpointOptions,
    DashboardMountOptions {
  /** The route template of a request, for routers without an adapter (else use `setHttpRoute`). */
  readonly route?: (req: IncomingMessage) => string | undefined;
}

/**
 * Wrap a `node:http` request listener: every request gets a server span (continuing the incoming
 * `traceparent`) and is measured; `/metrics` and `/health*` are served when their sources are
 * given, and the dashboard under `/monitor` when `dashboard` is. The listener runs with the span active, so outgoing calls and spans it starts join the
 * trace.
 *
 * @example
 * ```ts
 * const server = http.createServer(
 *   instrumentNodeHttp((req, res) => res.end('hi'), { tracer, metricsCollector }),
 * );
 * ```
 */
export function instrumentNodeHttp(
  listener: NodeRequestListener,
  options: NodeHttpOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  if (typeof listener !== 'function') {
    throw new TypeError(
      'instrumentNodeHttp(listener, options): listener must be a (req, res) => void function',
    );
  }
  const endpoints = new MonitorEndpoints(options);
  const instrumentation = new HttpInstrumentation(
    NODE_REQUEST_ACCESS,
    withServedPaths(options, endpoints.servedPaths),
    'instrumentNodeHttp options',
  );
  const dashboard = DashboardMount.from(options, 'instrumentNodeHttp options');
  const route = options.route;
  const wrapped = function (this: unknown, req: IncomingMessage, res: ServerResponse): unknown {
    const path = pathOf(req.url);
    const kind = endpoints.match(req.method, path);
    if (kind !== undefined) return writeEndpoint(endpoints, kind, req, res);
    if (dashboard?.matches(path)) return dashboard.serve(req, res);
    const record = beginNodeRequest(instrumentation, req, res);
    if (record === undefined) return listener.call(this, req, res);
    if (route !== undefined) instrumentation.setRoute(record, route(req));
    return instrumentation.run(record, () => {
      let result: unknown;
      try {
        result = listener.call(this, req, res);
      } catch (error) {
        instrumentation.setError(record, error);
        throw error;
      }
      if (
        result !== null &&
        typeof result === 'object' &&
        typeof (result as Promise<unknown>).then === 'function'
      ) {
        // Record the rejection, then rethrow so the process sees it as before.
        return (result as Promise<unknown>).then(undefined, (error: unknown) => {
          instrumentation.setError(record, error);
          throw error;
        });
      }
      return result;
    });
  };
  // Typed as returning void so an async listener fits `http.createServer` without a lint error.
  return wrapped;
}

/** The instrumentation options with the served endpoint paths excluded too. */
export function withServedPaths<T extends HttpInstrumentationOptions<never>>(
  options: T,
  served: readonly string[],
): T {
  if (served.length === 0) return options;
  return {
    ...options,
    excludePaths: [...(options.excludePaths ?? DEFAULT_EXCLUDED_PATHS), ...served],
  };
}

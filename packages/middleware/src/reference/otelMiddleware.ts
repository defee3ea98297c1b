import {
  getObservability,
  type MetricsCollectorProtocol,
  type TracerProtocol,
} from '@lexigram/monitor-core';
import { instrumentFetchHandler, type FetchHandler } from '../fetch/instrumentFetchHandler.js';
import type { HttpInstrumentationOptions } from '../lifecycle/instrumentationOptions.js';
import { instrumentNodeHttp, type NodeRequestListener } from '../node/instrumentNodeHttp.js';
import { dualHandler, type AppFetch, type AppHandler, type HttpApp } from './appHandler.js';

/** Options of {@link OTelMiddleware} (all optional: the reference takes only the app). */
export interface OTelMiddlewareOptions extends Omit<HttpInstrumentationOptions<unknown>, 'ignore'> {
  /** Default: the process-wide `getObservability().tracer`. */
  readonly tracer?: TracerProtocol;
  /** Default: the process-wide `getObservability().meter`. */
  readonly metricsCollector?: MetricsCollectorProtocol;
}

/**
 * The reference's `OTelMiddleware`: a server span for every request, continuing the parent
 * context from the incoming headers, plus request count and duration metrics and status codes.
 * It degrades gracefully: with the default no-op tracer and collector it records nothing and
 * costs next to nothing.
 *
 * @example
 * ```ts
 * const app = new OTelMiddleware(listener, { tracer });
 * http.createServer(app.handler).listen(3000);
 * ```
 */
export class OTelMiddleware {
  /** The wrapped app: pass it to `http.createServer` or a fetch server. */
  readonly handler: AppHandler;
  /** The same app as a fetch handler: `(request) => Promise<Response>`. */
  readonly fetch: AppFetch;

  /** Wrap a `node:http` request listener. */
  constructor(app: NodeRequestListener, options?: OTelMiddlewareOptions);
  /** Wrap a fetch handler. */
  constructor(app: FetchHandler, options?: OTelMiddlewareOptions);
  constructor(app: HttpApp, options: OTelMiddlewareOptions = {}) {
    if (typeof app !== 'function') {
      throw new TypeError(
        'OTelMiddleware(app): app must be a node:http listener or a fetch handler',
      );
    }
    const observability = getObservability();
    const shared = {
      ...options,
      tracer: options.tracer ?? observability.tracer,
      metricsCollector: options.metricsCollector ?? observability.meter,
    };
    const both = dualHandler(
      () => instrumentNodeHttp(app as NodeRequestListener, shared),
      () => instrumentFetchHandler(app as FetchHandler, shared),
    );
    this.handler = both.handler;
    this.fetch = both.fetch;
  }
}

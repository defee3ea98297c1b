import {
  getObservability,
  type MetricsCollectorProtocol,
  type MetricsExpositionProtocol,
} from '@lexigram/monitor-core';
import { instrumentFetchHandler, type FetchHandler } from '../fetch/instrumentFetchHandler.js';
import type { HttpInstrumentationOptions } from '../lifecycle/instrumentationOptions.js';
import { instrumentNodeHttp, type NodeRequestListener } from '../node/instrumentNodeHttp.js';
import { dualHandler, type AppFetch, type AppHandler, type HttpApp } from './appHandler.js';

/** Options of {@link PrometheusMiddleware}. */
export interface PrometheusMiddlewareOptions extends Omit<
  HttpInstrumentationOptions<unknown>,
  'tracer' | 'metricsCollector' | 'ignore'
> {
  /** URL path of the scrape endpoint. Default `/metrics`. */
  readonly path?: string;
  /** Where request metrics go. Default: the process-wide `getObservability().meter`. */
  readonly metricsCollector?: MetricsCollectorProtocol;
  /**
   * Renders the scrape endpoint (the Prometheus backend's exposition). Without one the
   * collector's snapshot is served as JSON, saying so: the app degrades gracefully without the
   * Prometheus package, as the reference asks.
   */
  readonly exposition?: MetricsExpositionProtocol;
}

/**
 * The reference's `PrometheusMiddleware`: wraps an app (a `node:http` listener or a fetch
 * handler), records request durations (a histogram, whose `_count` is the request counter) and
 * in-flight requests, and serves the metrics at `path`.
 *
 * @example
 * ```ts
 * const metrics = new PrometheusMiddleware(app, { path: '/metrics', metricsCollector });
 * http.createServer(metrics.handler).listen(3000);
 * ```
 */
export class PrometheusMiddleware {
  /** The wrapped app: pass it to `http.createServer` or a fetch server. */
  readonly handler: AppHandler;
  /** The same app as a fetch handler: `(request) => Promise<Response>`. */
  readonly fetch: AppFetch;
  /** The collector request metrics go to. */
  readonly metricsCollector: MetricsCollectorProtocol;
  /** Path of the scrape endpoint. */
  readonly path: string;

  /** Wrap a `node:http` request listener. */
  constructor(app: NodeRequestListener, options?: PrometheusMiddlewareOptions);
  /** Wrap a fetch handler. */
  constructor(app: FetchHandler, options?: PrometheusMiddlewareOptions);
  constructor(app: HttpApp, options: PrometheusMiddlewareOptions = {}) {
    if (typeof app !== 'function') {
      throw new TypeError(
        'PrometheusMiddleware(app, options): app must be a node:http listener or a fetch handler',
      );
    }
    this.path = options.path ?? '/metrics';
    this.metricsCollector = options.metricsCollector ?? getObservability().meter;
    const shared = { ...options, metricsCollector: this.metricsCollector, metricsPath: this.path };
    const both = dualHandler(
      () => instrumentNodeHttp(app as NodeRequestListener, shared),
      () => instrumentFetchHandler(app as FetchHandler, shared),
    );
    this.handler = both.handler;
    this.fetch = both.fetch;
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  HealthStatus,
  MonitorConfigError,
  healthFormatFromAccept,
  renderHealth,
  type HealthCheckResultData,
  type HealthProbesProtocol,
  type HealthReport,
} from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import { toResponse } from '../fetch/instrumentFetchHandler.js';
import { urlPath } from '../fetch/fetchAccess.js';
import { pathOf } from '../lifecycle/requestAccess.js';
import type { MonitorFaultHandler } from '@lexigram/monitor-core';
import type { EndpointResponse } from '../endpoints/endpointOptions.js';
import {
  dualHandler,
  type AppFetch,
  notFoundFetch,
  notFoundListener,
  type AppHandler,
  type HttpApp,
} from './appHandler.js';
import type { FetchHandler } from '../fetch/instrumentFetchHandler.js';
import type { NodeRequestListener } from '../node/instrumentNodeHttp.js';

/** What `checkHealth()` returns: the reference's mapping. */
export interface HealthMapping {
  /** `healthy`, `degraded` or `unhealthy`. */
  readonly status: HealthStatus;
  /** When the status was determined, ms since the epoch. */
  readonly timestamp: number;
  /** Per-check results, by name. */
  readonly checks?: Readonly<
    Record<string, Partial<HealthCheckResultData> & { status: HealthStatus }>
  >;
}

/** Options of {@link HealthCheckProvider}. */
export interface HealthCheckProviderOptions {
  /** URL path of the health endpoint. Default `/health`. */
  readonly path?: string;
  /** The app other requests go to. Without one they get 404, as in the reference. */
  readonly app?: HttpApp;
  /** Probes the default `checkHealth()` runs (all checks). Without them the app is healthy. */
  readonly probes?: HealthProbesProtocol;
  /** Show check messages and details. Default false. */
  readonly includeDetails?: boolean;
  /** Receives a `checkHealth()` that threw (the endpoint then answers 503). */
  readonly onError?: MonitorFaultHandler;
}

/**
 * The reference's `HealthCheckProvider`: answers `GET <path>` with the health status (200
 * healthy, 207 degraded, 503 unhealthy; JSON, `application/health+json` or text by `Accept`) and
 * passes every other request to `app`, or answers 404 without one. Subclass it and override
 * {@link HealthCheckProvider.checkHealth} to add real dependency checks.
 *
 * @example
 * ```ts
 * class Health extends HealthCheckProvider {
 *   override async checkHealth() {
 *     const db = await ping();
 *     return { status: db ? 'healthy' : 'unhealthy', timestamp: Date.now(), checks: { db: { status: db ? 'healthy' : 'unhealthy' } } };
 *   }
 * }
 * http.createServer(new Health({ path: '/ready' }).handler).listen(3000);
 * ```
 */
export class HealthCheckProvider {
  /** Path of the health endpoint. */
  readonly path: string;
  /** Serves the endpoint and forwards the rest: pass it to `http.createServer` or a fetch server. */
  readonly handler: AppHandler;
  /** The same app as a fetch handler: `(request) => Promise<Response>`. */
  readonly fetch: AppFetch;
  private readonly options: HealthCheckProviderOptions;

  constructor(options: HealthCheckProviderOptions = {}) {
    const path = options.path ?? '/health';
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw new MonitorConfigError(
        [{ path: 'path', message: `must start with '/', got ${JSON.stringify(path)}` }],
        {
          source: 'HealthCheckProvider options',
        },
      );
    }
    this.path = path;
    this.options = options;
    const app = options.app;
    const nodeApp = (app ?? notFoundListener) as NodeRequestListener;
    const fetchApp = (app ?? notFoundFetch) as FetchHandler;
    const both = dualHandler(
      () => (req: IncomingMessage, res: ServerResponse) => {
        if (!this.matches(req.method, pathOf(req.url))) return nodeApp(req, res);
        return this.respond(req.headers.accept).then((response) => {
          res.statusCode = response.statusCode;
          res.setHeader('content-type', response.contentType);
          res.setHeader('cache-control', 'no-store');
          res.end(req.method === 'HEAD' ? undefined : response.body);
        });
      },
      () =>
        async (request: Request, ...rest: unknown[]) => {
          if (!this.matches(request.method, urlPath(request.url)))
            return fetchApp(request, ...rest);
          return toResponse(
            await this.respond(request.headers.get('accept') ?? undefined),
            request.method,
          );
        },
    );
    this.handler = both.handler;
    this.fetch = both.fetch;
  }

  /**
   * The current health as a mapping with at least `status` and `timestamp`. The default runs the
   * `probes` given (or reports healthy); override it for real dependency checks.
   */
  async checkHealth(): Promise<HealthMapping> {
    if (this.options.probes === undefined)
      return { status: HealthStatus.Healthy, timestamp: Date.now(), checks: {} };
    const report = await this.options.probes.runAll();
    return { status: report.status, timestamp: Date.now(), checks: report.checks };
  }

  /** Render the health response for an `Accept` header. */
  async respond(accept: string | undefined): Promise<EndpointResponse> {
    let report: HealthReport;
    try {
      report = toReport(await this.checkHealth());
    } catch (error) {
      reportFault(
        {
          code: 'HEALTH_CHECK_FAILED',
          component: 'middleware.healthCheckProvider',
          message: 'checkHealth() threw',
          error,
        },
        this.options.onError,
      );
      report = { status: HealthStatus.Unhealthy, checks: {} };
    }
    return renderHealth(report, healthFormatFromAccept(accept), {
      includeDetails: this.options.includeDetails ?? false,
    });
  }

  private matches(method: string | undefined, path: string): boolean {
    return (method === 'GET' || method === 'HEAD') && path === this.path;
  }
}

function toReport(mapping: HealthMapping): HealthReport {
  const checks: Record<string, HealthCheckResultData> = {};
  for (const [name, check] of Object.entries(mapping.checks ?? {})) {
    checks[name] = {
      status: check.status,
      message: check.message,
      details: check.details,
      durationMs: check.durationMs ?? 0,
      timestamp: check.timestamp ?? mapping.timestamp,
    };
  }
  return { status: mapping.status, checks };
}

import {
  HealthStatus,
  MonitorConfigError,
  healthFormatFromAccept,
  renderHealth,
  type HealthReport,
} from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import type { EndpointResponse, HealthSource, MonitorEndpointOptions } from './endpointOptions.js';

/** Which served endpoint a path is. */
export type EndpointKind = 'metrics' | 'health' | 'live' | 'ready' | 'startup';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The `/metrics` and `/health*` endpoints, framework-free: `match` says whether a request is for
 * one of them (cheap, synchronous), `respond` renders it.
 */
export class MonitorEndpoints {
  private readonly paths = new Map<string, EndpointKind>();
  /** Paths served (for the instrumentation's exclusion list). */
  readonly servedPaths: readonly string[];

  constructor(private readonly options: MonitorEndpointOptions = {}) {
    const metricsPath = options.metricsPath ?? '/metrics';
    const healthPath = options.healthPath ?? '/health';
    checkPath('metricsPath', metricsPath);
    checkPath('healthPath', healthPath);
    if (
      metricsPath !== false &&
      (options.exposition !== undefined || options.metricsCollector !== undefined)
    ) {
      this.paths.set(metricsPath, 'metrics');
    }
    if (healthPath !== false && options.health !== undefined) {
      const base = healthPath === '/' ? '' : healthPath;
      this.paths.set(healthPath, 'health');
      this.paths.set(`${base}/live`, 'live');
      this.paths.set(`${base}/ready`, 'ready');
      this.paths.set(`${base}/startup`, 'startup');
    }
    this.servedPaths = [...this.paths.keys()];
  }

  /** The endpoint `path` is for (GET and HEAD only), or undefined. */
  match(method: string | undefined, path: string): EndpointKind | undefined {
    if (this.paths.size === 0 || (method !== 'GET' && method !== 'HEAD')) return undefined;
    return this.paths.get(path);
  }

  /** Render endpoint `kind` for a request with this `Accept` header and query string. */
  async respond(
    kind: EndpointKind,
    accept: string | undefined,
    query: string,
  ): Promise<EndpointResponse> {
    if (kind === 'metrics') return this.metrics(accept);
    return this.healthResponse(kind, accept, query);
  }

  private async metrics(accept: string | undefined): Promise<EndpointResponse> {
    const { exposition, metricsCollector } = this.options;
    try {
      if (exposition !== undefined) {
        const body = await exposition.render(accept);
        return { statusCode: 200, contentType: exposition.contentType(accept), body };
      }
      const families = await metricsCollector!.collect();
      const body = JSON.stringify({
        format: 'lexigram-metric-snapshot',
        note: 'No metrics exposition is configured (install @lexigram/monitor-backend-prometheus for the Prometheus text format); this is the collector snapshot as JSON.',
        metrics: families,
      });
      return { statusCode: 200, contentType: JSON_TYPE, body };
    } catch (error) {
      reportFault(
        {
          code: 'METRICS_RENDER_FAILED',
          component: 'middleware.endpoints',
          message: 'rendering /metrics failed',
          error,
        },
        this.options.onError,
      );
      return {
        statusCode: 500,
        contentType: 'text/plain; charset=utf-8',
        body: 'metrics unavailable\n',
      };
    }
  }

  private async healthResponse(
    kind: Exclude<EndpointKind, 'metrics'>,
    accept: string | undefined,
    query: string,
  ): Promise<EndpointResponse> {
    let report: HealthReport;
    try {
      report = await runProbe(this.options.health!, kind);
    } catch (error) {
      reportFault(
        {
          code: 'HEALTH_RUN_FAILED',
          component: 'middleware.endpoints',
          message: 'running the health checks failed',
          error,
        },
        this.options.onError,
      );
      report = { status: HealthStatus.Unhealthy, checks: {} };
    }
    const verbose = /(?:^|&)verbose(?:[=&]|$)/.test(query);
    let format = healthFormatFromAccept(accept);
    // Kubernetes probes send no specific Accept; `?verbose` asks for their text format.
    if (verbose && format === 'json' && !acceptsJsonExplicitly(accept)) format = 'text';
    return renderHealth(report, format, {
      ...this.options.healthJson,
      includeDetails: this.options.includeDetails ?? false,
      probeName: kind,
      verbose,
    });
  }
}

async function runProbe(
  source: HealthSource,
  kind: Exclude<EndpointKind, 'metrics'>,
): Promise<HealthReport> {
  if (typeof source === 'function') return source();
  if (kind === 'live') return source.runLiveness();
  if (kind === 'ready') return source.runReadiness();
  if (kind === 'startup') return source.runStartup();
  return source.runAll();
}

function acceptsJsonExplicitly(accept: string | undefined): boolean {
  return accept !== undefined && /application\/(?:health\+)?json/i.test(accept);
}

function checkPath(field: string, path: string | false): void {
  if (path === false) return;
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new MonitorConfigError(
      [
        {
          path: field,
          message: `must be a path starting with '/' or false, got ${JSON.stringify(path)}`,
        },
      ],
      { source: 'monitor endpoint options' },
    );
  }
}

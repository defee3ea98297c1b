import type { IncomingMessage, ServerResponse } from 'node:http';
import { reportFault } from '@lexigram/monitor-core/internal';
import { traceWaterfall } from '../aggregate/traceSummaries.js';
import { EventFeed, type FeedUsage } from '../feed/eventFeed.js';
import { decideAccess } from '../security/accessPolicy.js';
import { createRedactor, DEFAULT_REDACTED_FIELDS } from '../security/redactor.js';
import { SECURITY_HEADERS } from '../security/securityHeaders.js';
import { resolveDashboardOptions, type DashboardOptions } from './dashboardOptions.js';
import { DashboardState, type DashboardSnapshot } from './dashboardState.js';
import { loadPageAssets, pageHtml } from './pageAssets.js';

/** A mounted dashboard: a `node:http` request listener plus its lifecycle. */
export interface Dashboard {
  /**
   * The request listener. Mount it on any `node:http` server or framework under `basePath`
   * (the middleware's `/monitor`), or use `serveDashboard` for a port of its own. Resolves
   * once the response is under way; never rejects.
   */
  readonly handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  /** False when the dashboard was not enabled (then every request gets 404). */
  readonly enabled: boolean;
  /** Pages connected to the live feed. */
  readonly clientCount: number;
  /**
   * What the live feed has cost since the dashboard was created: ticks run and the process' CPU
   * time measured around them (divide by the seconds watched for the share of a core).
   */
  readonly feedUsage: FeedUsage;
  /** Take a snapshot as the page would receive it. */
  snapshot(): Promise<DashboardSnapshot>;
  /** End every live page and stop the feed. */
  close(): Promise<void>;
}

const TRACE_ID = /^[0-9a-f]{32}$/;

/**
 * Create the dashboard. It is read-only (GET and HEAD only), off unless `enabled: true`,
 * reachable from loopback only unless a `token` or an `authorize` hook is given, and it redacts
 * secret-looking fields from span attributes and health details.
 *
 * @example
 * ```ts
 * const dashboard = createDashboard({ enabled: true, collector, recentSpans: tracer, health });
 * http.createServer((req, res) =>
 *   req.url?.startsWith('/monitor') ? dashboard.handler(req, res) : app(req, res),
 * );
 * ```
 */
export function createDashboard(options: DashboardOptions = {}): Dashboard {
  const resolved = resolveDashboardOptions(options);
  const redact = createRedactor([...DEFAULT_REDACTED_FIELDS, ...(resolved.redactFields ?? [])]);
  const state = new DashboardState(resolved, redact);
  const feed = new EventFeed({
    produce: async () => ({ ...(await state.build({ withinBudget: true })) }),
    intervalMs: resolved.intervalMs,
    maxClients: resolved.maxClients,
    onActive: (active) => (active ? state.activate() : state.deactivate()),
    onError: resolved.onError,
  });

  const send = (
    response: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    head: boolean,
  ): void => {
    response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
    response.end(head ? undefined : body);
  };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!resolved.enabled) return send(response, 404, 'text/plain', 'Not found', false);
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return send(response, 405, 'text/plain', 'The dashboard is read-only', false);
    }
    const head = method === 'HEAD';
    const url = new URL(request.url ?? '/', 'http://dashboard.invalid');
    let path = url.pathname;
    if (resolved.basePath !== '' && path.startsWith(resolved.basePath)) {
      path = path.slice(resolved.basePath.length);
    }
    // The script and style hold no data and are the same for everyone: served before the
    // access check so a page opened with `?token=` can load them.
    if (path === '/app.js' || path === '/app.css') {
      const assets = loadPageAssets();
      if (!assets) {
        return send(
          response,
          503,
          'text/plain',
          'Dashboard assets are not built: run the package build',
          head,
        );
      }
      return path === '/app.js'
        ? send(response, 200, 'text/javascript; charset=utf-8', assets.script, head)
        : send(response, 200, 'text/css; charset=utf-8', assets.style, head);
    }
    const decision = await decideAccess(request, resolved);
    if (!decision.allowed) {
      if (decision.status === 401) response.setHeader('www-authenticate', 'Bearer');
      return send(response, decision.status, 'text/plain', 'Dashboard access refused', false);
    }
    if (path === '') {
      // Relative asset URLs need the trailing slash.
      response.setHeader('location', `${url.pathname}/${url.search}`);
      return send(response, 308, 'text/plain', 'Moved', head);
    }
    if (path === '/' || path === '/index.html') {
      return send(response, 200, 'text/html; charset=utf-8', pageHtml(resolved.title), head);
    }
    if (path === '/events') {
      if (head) return send(response, 200, 'text/event-stream', '', true);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
      if (!feed.attach(response)) {
        return send(response, 503, 'text/plain', 'Too many dashboard pages open', false);
      }
      return;
    }
    if (path === '/api/snapshot') {
      const snapshot = await state.build();
      return send(response, 200, 'application/json', JSON.stringify(snapshot), head);
    }
    if (path.startsWith('/api/traces/')) {
      const traceId = path.slice('/api/traces/'.length).toLowerCase();
      if (!TRACE_ID.test(traceId)) return send(response, 400, 'text/plain', 'Bad trace id', head);
      const spans = resolved.recentSpans?.getRecentSpans(resolved.maxSpans) ?? [];
      const waterfall = traceWaterfall(spans, traceId, redact);
      return waterfall
        ? send(response, 200, 'application/json', JSON.stringify(waterfall), head)
        : send(response, 404, 'text/plain', 'Trace no longer kept', head);
    }
    return send(response, 404, 'text/plain', 'Not found', head);
  };

  const handler = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      await route(request, response);
    } catch (error) {
      reportFault(
        {
          code: 'DASHBOARD_REQUEST_FAILED',
          component: 'monitor-dashboard',
          message: 'dashboard request failed',
          error,
          details: { url: request.url },
        },
        resolved.onError,
      );
      if (!response.headersSent) send(response, 500, 'text/plain', 'Dashboard error', false);
      else response.end();
    }
  };

  return {
    handler,
    enabled: resolved.enabled,
    get clientCount() {
      return feed.clientCount;
    },
    get feedUsage() {
      return feed.usage;
    },
    snapshot: () => state.build(),
    close: async () => {
      await feed.close();
      state.deactivate();
    },
  };
}

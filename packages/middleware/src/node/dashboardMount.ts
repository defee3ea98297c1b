import type { IncomingMessage, ServerResponse } from 'node:http';
import { MonitorConfigError, type MonitorFaultHandler } from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';

/** A `node:http` request handler that serves a whole path prefix on its own. */
export type MountedRequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Options of the dashboard mount, taken by the `node:http`-based adapters. */
export interface DashboardMountOptions {
  /**
   * The dashboard to serve under `dashboardPath`: the object `createDashboard(...)` of
   * `@lexigram/monitor-dashboard` returns, or any `(req, res)` handler. Off unless given. The
   * handler sees the URL with the prefix removed (`/monitor/app.js` arrives as `/app.js`), so the
   * dashboard works whatever `basePath` it was created with. Its requests are not instrumented.
   */
  readonly dashboard?: MountedRequestHandler | { readonly handler: MountedRequestHandler };
  /** Path prefix the dashboard is served under. Default `/monitor`. */
  readonly dashboardPath?: string;
}

/** The dashboard mount: matches its prefix and hands those requests to the handler. */
export class DashboardMount {
  private readonly prefix: string;
  private readonly prefixSlash: string;

  private constructor(
    private readonly handler: MountedRequestHandler,
    path: string,
    private readonly onError: MonitorFaultHandler | undefined,
  ) {
    this.prefix = path.replace(/\/+$/, '');
    this.prefixSlash = `${this.prefix}/`;
  }

  /** The mount the options ask for, or undefined when no dashboard is given. */
  static from(
    options: DashboardMountOptions & { readonly onError?: MonitorFaultHandler },
    source: string,
  ): DashboardMount | undefined {
    const { dashboard, dashboardPath = '/monitor' } = options;
    if (dashboard === undefined) return undefined;
    const handler =
      typeof dashboard === 'function'
        ? dashboard
        : typeof dashboard?.handler === 'function'
          ? dashboard.handler.bind(dashboard)
          : undefined;
    const problems: { path: string; message: string }[] = [];
    if (handler === undefined) {
      problems.push({
        path: 'dashboard',
        message:
          'must be a (req, res) handler or an object with one as `handler`, e.g. createDashboard({ enabled: true, ... })',
      });
    }
    if (
      typeof dashboardPath !== 'string' ||
      !dashboardPath.startsWith('/') ||
      dashboardPath.replace(/\/+$/, '') === ''
    ) {
      problems.push({
        path: 'dashboardPath',
        message: `must be a path below '/', e.g. '/monitor' (got ${JSON.stringify(dashboardPath)})`,
      });
    }
    if (problems.length > 0) throw new MonitorConfigError(problems, { source });
    return new DashboardMount(handler!, dashboardPath, options.onError);
  }

  /** True when `path` (without query) is the prefix or below it. */
  matches(path: string): boolean {
    return path === this.prefix || path.startsWith(this.prefixSlash);
  }

  /** Serve a request `matches` accepted. Never throws; a failing handler answers 500. */
  serve(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    const rest = url.slice(this.prefix.length);
    if (rest === '' || rest.startsWith('?')) {
      // The page's relative asset URLs need the trailing slash.
      res.writeHead(308, { location: `${this.prefix}/${rest}` });
      res.end();
      return;
    }
    req.url = rest;
    try {
      const result = this.handler(req, res);
      if (result instanceof Promise) result.catch((error: unknown) => this.fail(res, error));
    } catch (error) {
      this.fail(res, error);
    }
  }

  private fail(res: ServerResponse, error: unknown): void {
    reportFault(
      {
        code: 'DASHBOARD_HANDLER_FAILED',
        component: 'middleware.dashboard',
        message: 'the mounted dashboard handler failed',
        error,
      },
      this.onError,
    );
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    if (!res.writableEnded) res.end('dashboard unavailable\n');
  }
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, SpanStatus } from '@lexigram/monitor-core';
import { HealthCheckRegistry } from '@lexigram/monitor-health';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import { ErrorBudgetMonitor } from '@lexigram/monitor-slo';
import { Tracer } from '@lexigram/monitor-tracing';
import { createDashboard, type Dashboard } from '../../src/index.js';
import type { DashboardOptions } from '../../src/server/dashboardOptions.js';

/** A small node:http service instrumented by hand, with the dashboard mounted at /monitor. */
export interface InstrumentedService {
  readonly server: Server;
  readonly dashboard: Dashboard;
  readonly baseUrl: string;
  readonly tracer: Tracer;
  /** Flip the `database` health check. */
  setDatabaseHealthy(healthy: boolean): void;
  close(): Promise<void>;
}

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

/** Start the service on `host` (default 127.0.0.1), port 0. */
export async function startInstrumentedService(
  options: Partial<DashboardOptions> & { host?: string } = {},
): Promise<InstrumentedService> {
  const { host = '127.0.0.1', ...dashboardOptions } = options;
  const collector = new MetricsCollector();
  const duration = collector.createHistogram(
    'http.server.request.duration',
    'Duration of HTTP server requests.',
    {
      labelNames: ['http.request.method', 'http.route', 'http.response.status_code'],
      buckets: BUCKETS,
    },
  );
  const tracer = new Tracer({ serviceName: 'shop', processor: 'simple', maxSpans: 2000 });
  let databaseHealthy = true;
  const health = new HealthCheckRegistry();
  health.add('database', () =>
    databaseHealthy
      ? { status: 'healthy', details: { pool: 4, password: 'hunter2' } }
      : { status: 'unhealthy', message: 'connection refused' },
  );
  health.add('cache', () => true);
  const slos = new ErrorBudgetMonitor();
  const availability = slos.register({ name: 'availability', objective: 0.99 });
  const dashboard = createDashboard({
    enabled: true,
    basePath: '/monitor',
    collector,
    recentSpans: tracer,
    health,
    slos,
    healthIntervalMs: 200,
    ...dashboardOptions,
  });

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/monitor')) return void dashboard.handler(req, res);
    const route = url.startsWith('/users/')
      ? '/users/:id'
      : url === '/slow'
        ? '/slow'
        : url === '/fail'
          ? '/fail'
          : '(unmatched)';
    const started = process.hrtime.bigint();
    const span = tracer.startSpan(`GET ${route}`, {
      kind: SpanKind.Server,
      attributes: { 'http.route': route, 'http.request.header.authorization': 'Bearer s3cret' },
    });
    const db = tracer.startSpan('db.query', {
      parent: span,
      attributes: { 'db.statement': 'SELECT 1', 'db.password': 'hunter2' },
    });
    const delayMs = route === '/slow' ? 20 + Math.random() * 40 : Math.random() * 3;
    setTimeout(() => {
      db.addEvent('rows', { count: 1 });
      db.end();
      const status = route === '/fail' ? 500 : route === '(unmatched)' ? 404 : 200;
      if (status >= 500) {
        span.recordException(new Error('payment service down'));
        span.setStatus(SpanStatus.Error, 'payment service down');
      }
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end('ok');
      span.setAttribute('http.response.status_code', status);
      span.end();
      availability.record(status < 500);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      duration.observe(seconds, {
        'http.request.method': 'GET',
        'http.route': route,
        'http.response.status_code': String(status),
      });
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    dashboard,
    baseUrl: `http://${host}:${port}`,
    tracer,
    setDatabaseHealthy: (healthy) => {
      databaseHealthy = healthy;
    },
    close: async () => {
      await dashboard.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tracer.shutdown();
    },
  };
}

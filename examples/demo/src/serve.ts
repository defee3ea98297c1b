/**
 * `npm run demo -- --serve`: a small shop service instrumented with Lexigram Monitor, live
 * traffic against it, and the dashboard mounted at /monitor. Prints the URL and runs until
 * Ctrl+C.
 */
import { createServer, get, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, SpanStatus } from '@lexigram/monitor-core';
import { createDashboard } from '@lexigram/monitor-dashboard';
import { HealthCheckRegistry } from '@lexigram/monitor-health';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import { ErrorBudgetMonitor } from '@lexigram/monitor-slo';
import { Tracer } from '@lexigram/monitor-tracing';

const ROUTES = ['/products', '/products/:id', '/cart', '/checkout'] as const;

/** Start the service and its traffic; resolves with the dashboard URL. */
export async function serveDemo(port = Number(process.env['PORT'] ?? 3000)): Promise<string> {
  const collector = new MetricsCollector();
  const duration = collector.createHistogram(
    'http.server.request.duration',
    'Duration of HTTP server requests.',
    {
      unit: 'seconds',
      labelNames: ['http.request.method', 'http.route', 'http.response.status_code'],
    },
  );
  const tracer = new Tracer({ serviceName: 'demo-shop', processor: 'simple' });
  const health = new HealthCheckRegistry();
  let paymentsUp = true;
  health.add('database', () => true);
  health.add('payments', () =>
    paymentsUp ? true : { status: 'unhealthy', message: 'payment provider unreachable' },
  );
  // The payment provider goes down for 10 s every minute, so the page has something to show.
  setInterval(() => (paymentsUp = new Date().getSeconds() >= 10), 1000).unref();
  const slos = new ErrorBudgetMonitor();
  const checkoutSlo = slos.register({ name: 'checkout availability', objective: 0.99 });
  const dashboard = createDashboard({
    enabled: true,
    basePath: '/monitor',
    collector,
    recentSpans: tracer,
    health,
    slos,
  });

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/monitor')) return void dashboard.handler(req, res);
    const route =
      ROUTES.find((r) => r === url) ?? (url.startsWith('/products/') ? '/products/:id' : undefined);
    const started = performance.now();
    const span = tracer.startSpan(`GET ${route ?? 'unknown'}`, { kind: SpanKind.Server });
    const db = tracer.startSpan('SELECT shop', { parent: span });
    const slow = route === '/checkout' ? 30 + Math.random() * 120 : Math.random() * 15;
    setTimeout(() => {
      db.end();
      const status = !route ? 404 : route === '/checkout' && !paymentsUp ? 502 : 200;
      if (status >= 500) span.setStatus(SpanStatus.Error, 'payment provider unreachable');
      res.writeHead(status).end();
      span.end();
      if (route === '/checkout') checkoutSlo.record(status < 500);
      duration.observe((performance.now() - started) / 1000, {
        'http.request.method': 'GET',
        'http.route': route ?? '(unmatched)',
        'http.response.status_code': String(status),
      });
    }, slow);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;

  // About 40 requests a second of mixed traffic.
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const paths = ['/products', '/products/1', '/products/2', '/cart', '/checkout', '/nope'];
  let n = 0;
  setInterval(() => {
    get({ host: '127.0.0.1', port: bound, path: paths[n++ % paths.length], agent }, (r) =>
      r.resume(),
    ).on('error', () => {});
  }, 25).unref();
  return `http://127.0.0.1:${bound}/monitor/`;
}

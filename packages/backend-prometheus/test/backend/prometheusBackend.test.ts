import { createServer, type Server } from 'node:http';
import { MonitorConfigError, NoOpSpan, type MonitorFault } from '@lexigram/monitor-core';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import { Registry } from 'prom-client';
import { PrometheusBackend } from '../../src/backend/prometheusBackend.js';
import { MetricNameClashError } from '../../src/errors/metricNameClashError.js';

const OM = 'application/openmetrics-text;version=1.0.0';

describe('PrometheusBackend', () => {
  const backends: PrometheusBackend[] = [];
  const make = (...args: ConstructorParameters<typeof PrometheusBackend>): PrometheusBackend => {
    const b = new PrometheusBackend(...args);
    backends.push(b);
    return b;
  };
  afterEach(async () => {
    await Promise.all(backends.splice(0).map((b) => b.shutdown()));
  });

  it('takes the reference positional port and config defaults', () => {
    const b = make(9999);
    expect(b.settings.port).toBe(9999);
    expect(b.settings.path).toBe('/metrics');
    expect(make({ env: false }).settings.port).toBe(9464);
    expect(
      make({ config: { prometheus: { port: 1234, path: '/m' } }, env: false }).settings,
    ).toMatchObject({
      port: 1234,
      path: '/m',
    });
  });

  it('reads LEX_MONITOR_PROMETHEUS__* variables and rejects bad config naming the field', () => {
    const b = make({ env: { LEX_MONITOR_PROMETHEUS__PORT: '9100' } });
    expect(b.settings.port).toBe(9100);
    expect(
      () => new PrometheusBackend({ config: { prometheus: { path: 'metrics' } }, env: false }),
    ).toThrow(MonitorConfigError);
  });

  it('serves recorded metrics and sources on port 0 at the bound url, by Accept', async () => {
    const collector = new MetricsCollector();
    collector.createCounter('logins_total', 'Logins').inc(2);
    const b = make({
      port: 0,
      host: '127.0.0.1',
      sources: [collector],
      enableDefaultMetrics: false,
      env: false,
    });
    await b.initialize();
    expect(b.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    b.recordMetric('orders.created', 3, 'counter', { channel: 'web' });
    const text = await fetch(b.url!);
    expect(text.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const body = await text.text();
    expect(body).toContain('orders_created_total{channel="web"} 3\n');
    expect(body).toContain('logins_total 2\n');
    const om = await fetch(b.url!, { headers: { accept: OM } });
    expect(om.headers.get('content-type')).toContain('application/openmetrics-text');
    expect(await om.text()).toMatch(/# EOF\n$/);
    expect((await fetch(b.url!.replace('/metrics', '/other'))).status).toBe(404);
    expect((await fetch(b.url!, { method: 'POST' })).status).toBe(405);
  });

  it('warns and continues when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const faults: MonitorFault[] = [];
    const b = make({
      port,
      host: '127.0.0.1',
      enableDefaultMetrics: false,
      env: false,
      onError: (f) => faults.push(f),
    });
    await expect(b.initialize()).resolves.toBeUndefined();
    expect(b.url).toBeUndefined();
    expect(faults.map((f) => f.code)).toEqual(['PORT_IN_USE']);
    b.recordMetric('still_works', 1, 'gauge');
    expect(await b.render()).toContain('still_works 1\n');
    await new Promise((r) => blocker.close(r));
  });

  it('locks the label schema on first use: a missing key is empty, an unknown key dropped', async () => {
    const faults: MonitorFault[] = [];
    const b = make({
      serve: false,
      enableDefaultMetrics: false,
      env: false,
      onError: (f) => faults.push(f),
    });
    b.recordMetric('jobs', 1, 'counter', { queue: 'a', 'http.method': 'GET' });
    b.recordMetric('jobs', 1, 'counter', { queue: 'b' });
    b.recordMetric('jobs', 1, 'counter', { queue: 'a', 'http.method': 'GET', extra: 'x' });
    b.recordMetric('jobs', 1, 'gauge');
    const text = await b.render();
    expect(text).toContain('jobs_total{queue="a",http_method="GET"} 2\n');
    expect(text).toContain('jobs_total{queue="b",http_method=""} 1\n');
    expect(faults.map((f) => f.code)).toEqual(['LABEL_NOT_IN_SCHEMA', 'METRIC_TYPE_CLASH']);
  });

  it('records histograms in the configured buckets and summaries', async () => {
    const b = make({
      serve: false,
      enableDefaultMetrics: false,
      config: { metrics: { histogramBuckets: [0.1, 1] } },
      env: false,
    });
    b.recordMetric('db.latency_seconds', 0.5, 'histogram');
    b.recordMetric('size', 10, 'summary');
    const text = await b.render();
    expect(text).toContain(
      'db_latency_seconds_bucket{le="0.1"} 0\ndb_latency_seconds_bucket{le="1"} 1\n',
    );
    expect(text).toContain('size_count 1\n');
  });

  it('uses a given prom-client registry and returns no-op spans', async () => {
    const registry = new Registry();
    const b = make({ registry, serve: false, enableDefaultMetrics: false, env: false });
    b.recordMetric('x', 1, 'gauge');
    expect(await registry.metrics()).toContain('x 1');
    const span = b.createSpan('op');
    expect(span).toBeInstanceOf(NoOpSpan);
    expect(span.isRecording()).toBe(false);
  });

  it('serves default metrics with ours and refuses a name clash at start', async () => {
    const ok = make({ serve: false, enableDefaultMetrics: true, env: false });
    await ok.initialize();
    expect(await ok.render()).toContain('# TYPE process_cpu_user_seconds_total counter');
    const collector = new MetricsCollector();
    collector.createGauge('process_resident_memory_bytes', 'mine').set(1);
    const clash = make({
      serve: false,
      enableDefaultMetrics: true,
      sources: [collector],
      env: false,
    });
    await expect(clash.initialize()).rejects.toThrow(MetricNameClashError);
    await expect(clash.initialize()).resolves.toBeUndefined();
  });

  it('closes the server by its deadline even with a hanging keep-alive client', async () => {
    const b = make({
      port: 0,
      host: '127.0.0.1',
      enableDefaultMetrics: false,
      env: false,
      shutdownTimeoutMs: 200,
    });
    await b.initialize();
    const url = b.url!;
    await fetch(url, { keepalive: true }).then((r) => r.text());
    await b.shutdown();
    expect(b.url).toBeUndefined();
    await expect(fetch(url)).rejects.toThrow();
  });
});

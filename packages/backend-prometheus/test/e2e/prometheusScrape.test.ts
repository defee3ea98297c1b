/**
 * A real Prometheus 2.42 scrapes a service that records through the metrics package and the
 * backend; values are read back through /api/v1/query. Prometheus starts once for this file.
 */
import { MetricsCollector } from '@lexigram/monitor-metrics';
import { Tracer } from '@lexigram/monitor-tracing';
import { PrometheusBackend } from '../../src/backend/prometheusBackend.js';
import {
  describeWithPrometheus,
  pollQuery,
  startPrometheus,
  promtoolCheckMetrics,
  type RunningTool,
} from '../support/prometheusTools.js';

describeWithPrometheus('a real Prometheus scraping the backend', (tools) => {
  let prometheus: RunningTool;
  let backend: PrometheusBackend;
  let collector: MetricsCollector;
  let ticker: NodeJS.Timeout;
  const traceIds = new Set<string>();

  beforeAll(async () => {
    collector = new MetricsCollector();
    const tracer = new Tracer({ serviceName: 'scrape-test' });
    const latency = collector.createHistogram('checkout_latency', 'Checkout latency', {
      unit: 'seconds',
      labelNames: ['route'],
    });
    const jobs = collector.createSummary('batch_duration', 'Batch duration', {
      unit: 'seconds',
      quantiles: [0.5, 0.9],
    });
    for (const v of [1, 2, 3, 4]) jobs.observe(v);
    backend = new PrometheusBackend({
      port: 0,
      host: '127.0.0.1',
      sources: [collector],
      enableDefaultMetrics: true,
      env: false,
      exemplars: true,
      tracer,
    });
    await backend.initialize();
    backend.recordMetric('orders.created', 5, 'counter', { channel: 'web' });
    backend.recordMetric('orders.created', 2, 'counter', { channel: 'shop' });
    // Observations keep arriving so that rate() over the buckets is non-zero.
    ticker = setInterval(() => {
      for (let i = 0; i < 10; i++) latency.observe(0.3, { route: '/pay' });
      tracer.startActiveSpan('rpc', (span) => {
        traceIds.add(span.spanContext().traceId);
        backend.recordMetric('rpc.latency_seconds', 0.2, 'histogram');
        span.end();
      });
    }, 100);
    const target = new URL(backend.url!);
    prometheus = await startPrometheus(
      tools.prometheus,
      [{ job: 'app', target: target.host }],
      ['--enable-feature=exemplar-storage'],
    );
  }, 60_000);

  afterAll(async () => {
    clearInterval(ticker);
    await prometheus?.stop();
    await backend?.shutdown();
  });

  it('reads back a dotted counter with _total and its labels', async () => {
    const samples = await pollQuery(prometheus.url, 'orders_created_total', (s) => s.length === 2);
    const byChannel = Object.fromEntries(samples.map((s) => [s.metric.channel, s.value]));
    expect(byChannel).toEqual({ web: 5, shop: 2 });
  }, 40_000);

  it('computes histogram_quantile(0.99, rate(..._bucket[1m])) from our buckets', async () => {
    const [sample] = await pollQuery(
      prometheus.url,
      'histogram_quantile(0.99, rate(checkout_latency_seconds_bucket[1m]))',
      (s) => s.length === 1 && Number.isFinite(s[0]!.value),
    );
    // Every observation is 0.3 s, inside the (0.25, 0.5] bucket: Prometheus interpolates
    // linearly to 0.25 + 0.25 × 0.99.
    expect(sample!.metric.route).toBe('/pay');
    expect(sample!.value).toBeCloseTo(0.4975, 6);
  }, 40_000);

  it('reads back summary quantiles, sum and count', async () => {
    await pollQuery(prometheus.url, 'batch_duration_seconds_count', (s) => s[0]?.value === 4);
    const sum = await pollQuery(
      prometheus.url,
      'batch_duration_seconds_sum',
      (s) => s.length === 1,
    );
    expect(sum[0]!.value).toBe(10);
    const q = await pollQuery(
      prometheus.url,
      'batch_duration_seconds{quantile="0.5"}',
      (s) => s.length === 1,
    );
    expect(q[0]!.value).toBeGreaterThanOrEqual(1.9);
    expect(q[0]!.value).toBeLessThanOrEqual(2.1);
  }, 40_000);

  it('serves the Node.js default metrics in the same scrape', async () => {
    const samples = await pollQuery(
      prometheus.url,
      'process_cpu_user_seconds_total{job="app"}',
      (s) => s.length === 1,
    );
    expect(samples[0]!.value).toBeGreaterThan(0);
    const up = await pollQuery(prometheus.url, 'up{job="app"}', (s) => s.length === 1);
    expect(up[0]!.value).toBe(1);
  }, 40_000);

  it('parses our OpenMetrics exemplars: the sampled trace id comes back from query_exemplars', async () => {
    let found: { labels: Record<string, string>; value: string }[] = [];
    const until = Date.now() + 30_000;
    while (found.length === 0 && Date.now() < until) {
      const now = Date.now() / 1000;
      const res = await fetch(
        `${prometheus.url}/api/v1/query_exemplars?query=${encodeURIComponent('rpc_latency_seconds_bucket')}&start=${now - 300}&end=${now + 60}`,
      );
      const body = (await res.json()) as {
        data: { exemplars: { labels: Record<string, string>; value: string }[] }[];
      };
      found = body.data.flatMap((d) => d.exemplars);
      if (found.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(found.length).toBeGreaterThan(0);
    for (const exemplar of found) {
      expect(traceIds.has(exemplar.labels.trace_id!)).toBe(true);
      expect(exemplar.labels.span_id).toMatch(/^[0-9a-f]{16}$/);
      expect(Number(exemplar.value)).toBe(0.2);
    }
  }, 40_000);

  it('passes promtool check metrics on everything our code names', async () => {
    // prom-client's default metrics fail promtool's lint by design (gauges ending in _total),
    // so the check runs on a backend without them.
    const plain = new PrometheusBackend({ serve: false, enableDefaultMetrics: false, env: false });
    plain.addSource(collector);
    plain.recordMetric('orders.created', 1, 'counter', { channel: 'web' });
    plain.recordMetric('queue.depth', 3, 'gauge');
    plain.recordMetric('db.query.duration_seconds', 0.02, 'histogram', { op: 'select' });
    const text = await plain.render();
    const result = promtoolCheckMetrics(tools.promtool, text);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});

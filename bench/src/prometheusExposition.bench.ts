/**
 * @lexigram/monitor-backend-prometheus exposition against prom-client 15's `registry.metrics()`,
 * on the same series in one process: the work of serving `/metrics` (snapshot + text render).
 */
import { PrometheusBackend, PrometheusExposition } from '@lexigram/monitor-backend-prometheus';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import { Tracer } from '@lexigram/monitor-tracing';
import { compare } from './support/compare.js';
import { client, promRegistry } from './support/metricsPeers.js';

const SERIES = 10_000;
const HIST_SERIES = 500;
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The same 10k counter series (and, for the mixed case, 500 histogram series) in both. */
function build(withHistograms: boolean): {
  ours: PrometheusExposition;
  prom: client.Registry;
} {
  const collector = new MetricsCollector({ config: { maxSeriesPerMetric: SERIES } });
  const prom = promRegistry();
  const counter = collector.createCounter('bench_requests_total', 'Requests', {
    labelNames: ['route', 'status'],
  });
  const promCounter = new client.Counter({
    name: 'bench_requests_total',
    help: 'Requests',
    labelNames: ['route', 'status'],
    registers: [prom],
  });
  for (let i = 0; i < SERIES; i++) {
    const labels = { route: `/api/v1/items/${i}`, status: i % 7 === 0 ? '500' : '200' };
    counter.inc(i + 1, labels);
    promCounter.inc(labels, i + 1);
  }
  if (withHistograms) {
    const hist = collector.createHistogram('bench_latency', 'Latency', {
      unit: 'seconds',
      labelNames: ['route'],
      buckets: BUCKETS,
    });
    const promHist = new client.Histogram({
      name: 'bench_latency_seconds',
      help: 'Latency',
      labelNames: ['route'],
      buckets: BUCKETS,
      registers: [prom],
    });
    for (let i = 0; i < HIST_SERIES; i++) {
      for (let j = 0; j < 5; j++) {
        hist.observe((i * j) % 3, { route: `/r/${i}` });
        promHist.observe({ route: `/r/${i}` }, (i * j) % 3);
      }
    }
  }
  return { ours: new PrometheusExposition({ sources: [collector] }), prom };
}

export default async function run(): Promise<void> {
  const counters = build(false);
  const mixed = build(true);
  const oursText = await counters.ours.render();
  const promText = await counters.prom.metrics();
  if (oursText.length < promText.length * 0.9) throw new Error('the two renders differ in size');

  const backend = new PrometheusBackend({ serve: false, enableDefaultMetrics: false, env: false });
  for (let i = 0; i < SERIES; i++) {
    backend.recordMetric('bench_requests_total', i + 1, 'counter', {
      route: `/api/v1/items/${i}`,
      status: i % 7 === 0 ? '500' : '200',
    });
  }

  await compare('backend-prometheus: serving /metrics', [
    {
      name: `render ${SERIES / 1000}k counter series (collect + text 0.0.4)`,
      ours: () => counters.ours.render(),
      peer: () => counters.prom.metrics(),
      peerName: 'prom-client registry.metrics()',
      target: 3,
    },
    {
      name: `render ${SERIES / 1000}k counters + ${HIST_SERIES} histogram series`,
      ours: () => mixed.ours.render(),
      peer: () => mixed.prom.metrics(),
      peerName: 'prom-client registry.metrics()',
      target: 3,
    },
    {
      name: `render ${SERIES / 1000}k series as OpenMetrics`,
      ours: () => counters.ours.render('application/openmetrics-text;version=1.0.0'),
      peer: () => counters.prom.metrics(),
      peerName: 'prom-client registry.metrics() (text)',
    },
    {
      name: `PrometheusBackend.recordMetric series (prom-client store) rendered`,
      ours: () => backend.render(),
      peer: () => backend.registry.metrics(),
      peerName: 'prom-client registry.metrics()',
    },
  ]);
  // Exemplars: the hot-path cost of reading the current span on each histogram observation.
  const tracer = new Tracer({ serviceName: 'bench', processor: 'simple' });
  const withExemplars = new PrometheusBackend({
    serve: false,
    enableDefaultMetrics: false,
    env: false,
    exemplars: true,
    tracer,
  });
  const without = new PrometheusBackend({ serve: false, enableDefaultMetrics: false, env: false });
  const span = tracer.startSpan('request');
  await compare('backend-prometheus: exemplar cost on recordMetric(histogram)', [
    {
      name: 'observe inside a sampled span, exemplars on',
      ours: () =>
        tracer.withSpan(span, () =>
          withExemplars.recordMetric('bench_latency_seconds', 0.042, 'histogram', { route: '/a' }),
        ),
      peer: () =>
        tracer.withSpan(span, () =>
          without.recordMetric('bench_latency_seconds', 0.042, 'histogram', { route: '/a' }),
        ),
      peerName: 'same, exemplars off',
    },
  ]);
  span.end();

  let largest = 0;
  for await (const chunk of counters.ours.stream()) largest = Math.max(largest, chunk.length);
  console.log(
    `\nstream(): largest chunk ${largest} chars for a ${oursText.length}-char exposition (memory per scrape bounded by the chunk size).`,
  );
}

/**
 * @lexigram/monitor-metrics against prom-client 15 and @opentelemetry/sdk-metrics, in one process:
 * the recording hot path (bound, labeled, histogram), series creation and collect() of 10k series.
 * Memory per series is in `metricsMemory.bench.ts`.
 */
import { Counter, Histogram, MetricsCollector } from '@lexigram/monitor-metrics';
import { compare, type Case } from './support/compare.js';
import { client, otelMeter, promRegistry } from './support/metricsPeers.js';

const LABELS = ['method', 'status'] as const;
const PRE = { method: 'GET', status: '200' };
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function hotPathCases(): Case[] {
  const ours = new Counter('bench_requests_total', 'r', { labelNames: [...LABELS] });
  const bound = ours.labels(PRE);
  const prom = new client.Counter({
    name: 'bench_requests_total',
    help: 'r',
    labelNames: [...LABELS],
    registers: [promRegistry()],
  });
  const promBound = prom.labels('GET', '200');
  const { meter } = otelMeter();
  const otel = meter.createCounter('bench_requests_total');

  const hist = new Histogram('bench_latency_seconds', 'l', {
    labelNames: [...LABELS],
    buckets: BUCKETS,
  });
  const histBound = hist.labels(PRE);
  const promHist = new client.Histogram({
    name: 'bench_latency_seconds',
    help: 'l',
    labelNames: [...LABELS],
    buckets: BUCKETS,
    registers: [promRegistry()],
  });
  const promHistBound = promHist.labels('GET', '200');
  const otelHist = meter.createHistogram('bench_latency_seconds', {
    advice: { explicitBucketBoundaries: BUCKETS },
  });
  let v = 0;
  const next = (): number => (v = (v + 0.0137) % 3);

  return [
    {
      name: 'bound counter inc',
      ours: () => bound.inc(),
      peer: () => prom.labels('GET', '200').inc(),
      peerName: 'prom-client labels(...).inc()',
      target: 10,
    },
    {
      name: 'bound counter inc',
      ours: () => bound.inc(),
      peer: () => promBound.inc(),
      peerName: 'prom-client cached labels() handle',
    },
    {
      name: 'bound counter inc',
      ours: () => bound.inc(),
      peer: () => otel.add(1, PRE),
      peerName: 'OTel add (no bound API)',
    },
    {
      name: 'labeled inc, prebuilt labels',
      ours: () => ours.inc(1, PRE),
      peer: () => prom.inc(PRE, 1),
      peerName: 'prom-client',
      target: 3,
    },
    {
      name: 'labeled inc, prebuilt labels',
      ours: () => ours.inc(1, PRE),
      peer: () => otel.add(1, PRE),
      peerName: '@opentelemetry/sdk-metrics',
    },
    {
      name: 'labeled inc, fresh labels object',
      ours: () => ours.inc(1, { method: 'GET', status: '200' }),
      peer: () => prom.inc({ method: 'GET', status: '200' }, 1),
      peerName: 'prom-client',
      target: 3,
    },
    {
      name: 'labeled inc, fresh labels object',
      ours: () => ours.inc(1, { method: 'GET', status: '200' }),
      peer: () => otel.add(1, { method: 'GET', status: '200' }),
      peerName: '@opentelemetry/sdk-metrics',
    },
    {
      name: 'histogram observe, bound',
      ours: () => histBound.observe(next()),
      peer: () => promHistBound.observe(next()),
      peerName: 'prom-client cached labels() handle',
      target: 3,
    },
    {
      name: 'histogram observe, labeled',
      ours: () => hist.observe(next(), PRE),
      peer: () => promHist.observe(PRE, next()),
      peerName: 'prom-client',
      target: 3,
    },
    {
      name: 'histogram observe, labeled',
      ours: () => hist.observe(next(), PRE),
      peer: () => otelHist.record(next(), PRE),
      peerName: '@opentelemetry/sdk-metrics',
    },
  ];
}

const BATCH = 1000;
const IDS = Array.from({ length: BATCH }, (_, i) => ({ method: 'GET', route: `/r/${i}` }));

function creationCases(): Case[] {
  return [
    {
      name: `first-time series creation (${BATCH} new series per op)`,
      ours: () => {
        const c = new Counter('bench_created_total', '', { maxSeries: 1_000_000 });
        for (const labels of IDS) c.inc(1, labels);
      },
      peer: () => {
        const c = new client.Counter({
          name: 'bench_created_total',
          help: 'c',
          labelNames: ['method', 'route'],
          registers: [],
        });
        for (const labels of IDS) c.inc(labels, 1);
      },
      peerName: 'prom-client',
    },
    {
      name: `first-time series creation (${BATCH} new series per op)`,
      ours: () => {
        const c = new Counter('bench_created_total', '', { maxSeries: 1_000_000 });
        for (const labels of IDS) c.inc(1, labels);
      },
      peer: () => {
        const c = otelMeter().meter.createCounter('bench_created_total');
        for (const labels of IDS) c.add(1, labels);
      },
      peerName: '@opentelemetry/sdk-metrics',
    },
  ];
}

const SERIES = 10_000;

async function collectCases(): Promise<Case[]> {
  const collector = new MetricsCollector({ config: { maxSeriesPerMetric: SERIES } });
  const ours = collector.createCounter('bench_collect_total', 'c', {
    labelNames: ['method', 'route'],
  });
  const registry = promRegistry();
  const prom = new client.Counter({
    name: 'bench_collect_total',
    help: 'c',
    labelNames: ['method', 'route'],
    registers: [registry],
  });
  const { meter, reader } = otelMeter();
  const otel = meter.createCounter('bench_collect_total');
  for (let i = 0; i < SERIES; i++) {
    const labels = { method: i % 2 ? 'GET' : 'POST', route: `/r/${i}` };
    ours.inc(1, labels);
    prom.inc(labels, 1);
    otel.add(1, labels);
  }
  const oursSeries = (await collector.collect())[0]!.series.length;
  const promSeries = (await registry.getMetricsAsJSON())[0]!.values.length;
  const otelSeries = (await reader.collect()).resourceMetrics.scopeMetrics[0]!.metrics[0]!
    .dataPoints.length;
  if (oursSeries !== SERIES || promSeries !== SERIES || otelSeries !== SERIES) {
    throw new Error(`series mismatch: ${oursSeries} / ${promSeries} / ${otelSeries}`);
  }
  return [
    {
      name: `collect() of ${SERIES / 1000}k series`,
      ours: () => collector.collect(),
      peer: () => registry.getMetricsAsJSON(),
      peerName: 'prom-client getMetricsAsJSON()',
      target: 1,
    },
    {
      name: `collect() of ${SERIES / 1000}k series`,
      ours: () => collector.collect(),
      peer: () => reader.collect(),
      peerName: '@opentelemetry/sdk-metrics reader.collect()',
    },
  ];
}

export default async function run(): Promise<void> {
  await compare('metrics: recording hot path', hotPathCases());
  await compare('metrics: series creation', creationCases());
  await compare('metrics: collect', await collectCases());
}

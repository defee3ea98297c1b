/**
 * @lexigram/monitor-backend-otel against OpenTelemetry's own SDK pipeline, end to end over real
 * HTTP to a loopback sink, both encoding OTLP protobuf:
 * - spans: tracer start/end → batch processor → OTLP protobuf → sink; ours is monitor-tracing
 *   with OtlpSpanExporter, the peer is @opentelemetry/sdk-trace-base with
 *   @opentelemetry/exporter-trace-otlp-proto (each iteration flushes, so every span is sent);
 * - metrics: exporting 10k series (collect + encode + send); ours is monitor-metrics with
 *   OtlpMetricsExporter, the peer is @opentelemetry/sdk-metrics with
 *   @opentelemetry/exporter-metrics-otlp-proto (a reader's forceFlush: collect + encode + send).
 * - the hot path while the collector is down: span start/end, and a labelled counter add with a
 *   periodic OTLP metrics export every 10 ms, each with the exporter pointed at a refused port,
 *   against the same with the collector up (ours on both sides; target: no slower).
 * The span case alternates the two pipelines round by round and compares medians (see
 * `interleaved`); the others use mitata. The SDK classes come from @opentelemetry/sdk-node 0.223 so they match the 0.223 exporters.
 */
import { OtlpMetricsExporter, OtlpSpanExporter } from '@lexigram/monitor-backend-otel';
import { MetricsCollector, PeriodicMetricsExporter } from '@lexigram/monitor-metrics';
import { BatchSpanProcessor, Tracer } from '@lexigram/monitor-tracing';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { metrics as sdkMetrics, tracing as sdkTracing } from '@opentelemetry/sdk-node';
import { measure } from 'mitata';
import { printRows, type Row } from './support/compare.js';
import { startOtlpSink } from './support/otlpSink.js';

/** What the span loop needs of either tracer's span. */
interface SpanLike {
  setAttribute(key: string, value: string | number): unknown;
  end(): void;
}

/** Rounds of the interleaved end-to-end measurement, after as many warm-up rounds. */
const ROUNDS = 60;

/**
 * Median time of one call of each, alternating ours and peer round by round: on a shared machine
 * the load changes over seconds, and alternating spreads it evenly over both sides (mitata's
 * sequential runs put all of a load spike on one side). Warm-up rounds are not counted.
 */
async function interleaved(
  ours: () => Promise<void>,
  peer: () => Promise<void>,
): Promise<{ ours: number; peer: number }> {
  const times = { ours: [] as number[], peer: [] as number[] };
  for (let round = 0; round < ROUNDS * 2; round++) {
    for (const side of round % 2 === 0
      ? (['ours', 'peer'] as const)
      : (['peer', 'ours'] as const)) {
      const start = process.hrtime.bigint();
      await (side === 'ours' ? ours : peer)();
      const ns = Number(process.hrtime.bigint() - start);
      if (round >= ROUNDS) times[side].push(ns);
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return { ours: median(times.ours), peer: median(times.peer) };
}

/** Spans per measured iteration; each iteration ends with a flush over HTTP. */
const BATCH = 512;
/** Metric series exported per iteration. */
const SERIES = 10_000;

export default async function run(): Promise<void> {
  const sink = await startOtlpSink();
  try {
    const rows = [
      await spans(sink.url),
      await metricSeries(sink.url),
      await hotPathWhileDown(sink.url),
      await counterWhileDown(sink.url),
    ];
    printRows('otlp: end-to-end export over HTTP (OTLP protobuf, loopback sink)', rows);
    console.log(`\nsink received ${(sink.bytes() / 1e6).toFixed(1)} MB in total`);
  } finally {
    await sink.close();
  }
}

async function spans(base: string): Promise<Row> {
  const url = `${base}/v1/traces`;
  const otelProvider = new sdkTracing.BasicTracerProvider({
    spanProcessors: [
      new sdkTracing.BatchSpanProcessor(new OTLPTraceExporter({ url }), {
        maxExportBatchSize: BATCH,
        maxQueueSize: BATCH * 4,
      }),
    ],
  });
  const otel = otelProvider.getTracer('bench');
  const exporter = new OtlpSpanExporter({ url, env: false });
  const processor = new BatchSpanProcessor(exporter, {
    maxExportBatchSize: BATCH,
    maxQueueSize: BATCH * 4,
  });
  const ours = new Tracer({ serviceName: 'bench', processor, trackLeaks: false });

  const work = (tracer: { startSpan(name: string): SpanLike }, flush: () => Promise<void>) => {
    return async () => {
      for (let i = 0; i < BATCH; i++) {
        const span = tracer.startSpan('GET /orders');
        span.setAttribute('http.request.method', 'GET');
        span.setAttribute('http.response.status_code', 200);
        span.end();
      }
      await flush();
    };
  };
  const { ours: mine, peer } = await interleaved(
    work(ours, () => ours.forceFlush()),
    work(otel, () => otelProvider.forceFlush()),
  );
  const stats = exporter.stats();
  await ours.shutdown();
  await otelProvider.shutdown();
  if (stats.droppedItems > 0) console.log(`ours dropped ${stats.droppedItems} spans`);
  const ratio = peer / mine;
  return {
    name: `span start + 2 attributes + end → batch → OTLP protobuf → HTTP (${BATCH} spans, then flush), per span`,
    peerName: 'sdk-trace-base + exporter-trace-otlp-proto',
    oursNs: mine / BATCH,
    peerNs: peer / BATCH,
    ratio,
    target: 2,
    met: ratio >= 2,
  };
}

async function metricSeries(base: string): Promise<Row> {
  const url = `${base}/v1/metrics`;
  const collector = new MetricsCollector({ config: { maxSeriesPerMetric: SERIES } });
  const counter = collector.createCounter('bench_requests_total', 'Requests', {
    labelNames: ['route', 'status'],
  });
  const reader = new sdkMetrics.PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter({ url }),
    exportIntervalMillis: 3_600_000,
  });
  const provider = new sdkMetrics.MeterProvider({
    readers: [reader],
    views: [
      {
        instrumentName: 'bench_requests_total',
        aggregationCardinalityLimit: SERIES + 1,
      },
    ],
  });
  const otelCounter = provider.getMeter('bench').createCounter('bench_requests_total');
  for (let i = 0; i < SERIES; i++) {
    const labels = { route: `/r${i % 1000}`, status: String(200 + Math.floor(i / 1000)) };
    counter.inc(1, labels);
    otelCounter.add(1, labels);
  }
  const exporter = new OtlpMetricsExporter({ url, env: false });

  const peer = await measure(() => reader.forceFlush(), { min_cpu_time: 1e9 });
  const mine = await measure(async () => exporter.export(await collector.collect()), {
    min_cpu_time: 1e9,
  });
  await exporter.shutdown();
  await provider.shutdown();
  const ratio = peer.avg / mine.avg;
  return {
    name: `export ${SERIES} counter series (collect + encode + send), per export`,
    peerName: 'sdk-metrics + exporter-metrics-otlp-proto',
    oursNs: mine.avg,
    peerNs: peer.avg,
    ratio,
    target: 1,
    met: ratio >= 1,
  };
}

/** A loopback port nothing listens on (a listener is opened, its port noted, then closed). */
async function refusedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function hotPathWhileDown(base: string): Promise<Row> {
  const make = (url: string) => {
    const exporter = new OtlpSpanExporter({
      url: `${url}/v1/traces`,
      env: false,
      timeoutMs: 200,
      onError: () => {}, // a down collector is the point here: do not log each drop
    });
    return new Tracer({
      serviceName: 'bench',
      processor: new BatchSpanProcessor(exporter, { scheduledDelayMs: 1, onError: () => {} }),
      trackLeaks: false,
    });
  };
  const up = make(base);
  const down = make(`http://127.0.0.1:${await refusedPort()}`);
  // Each iteration yields once, so background exports (and their failures) run between batches.
  const run = (tracer: Tracer) => async () => {
    for (let i = 0; i < BATCH; i++) tracer.startSpan('op').end();
    await new Promise((resolve) => setImmediate(resolve));
  };
  const whenUp = await measure(run(up));
  const whenDown = await measure(run(down));
  await Promise.all([up.shutdown(), down.shutdown()]);
  const ratio = whenUp.avg / whenDown.avg;
  return {
    name: `span start + end while the collector is down (refused port), per span`,
    peerName: 'ours, collector up',
    oursNs: whenDown.avg / BATCH,
    peerNs: whenUp.avg / BATCH,
    ratio,
    target: 1,
    met: ratio >= 1,
  };
}

/** Label sets the counter case cycles through. */
const COUNTER_SERIES = 1000;

async function counterWhileDown(base: string): Promise<Row> {
  const make = (url: string) => {
    const collector = new MetricsCollector({ config: { maxSeriesPerMetric: COUNTER_SERIES } });
    const counter = collector.createCounter('bench_down_total', 'Requests', {
      labelNames: ['route'],
    });
    const labels = Array.from({ length: COUNTER_SERIES }, (_, i) => ({ route: `/r${i}` }));
    const exporter = new PeriodicMetricsExporter({
      producer: collector,
      exporter: new OtlpMetricsExporter({
        url: `${url}/v1/metrics`,
        env: false,
        timeoutMs: 200,
        onError: () => {},
      }),
      intervalMs: 10,
      onError: () => {},
    });
    // Each iteration yields once, so the periodic exports (and their failures) run in between.
    const run = async () => {
      for (let i = 0; i < COUNTER_SERIES; i++) counter.inc(1, labels[i]);
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { run, exporter };
  };
  // Each side's export loop runs only while that side is measured, so the other's background
  // work does not land on it.
  const measureAlone = async (side: ReturnType<typeof make>) => {
    side.exporter.start();
    const result = await measure(side.run);
    await side.exporter.shutdown();
    return result;
  };
  const whenUp = await measureAlone(make(base));
  const whenDown = await measureAlone(make(`http://127.0.0.1:${await refusedPort()}`));
  const ratio = whenUp.avg / whenDown.avg;
  return {
    name: `labelled counter add with OTLP metrics export every 10 ms while the collector is down, per add`,
    peerName: 'ours, collector up',
    oursNs: whenDown.avg / COUNTER_SERIES,
    peerNs: whenUp.avg / COUNTER_SERIES,
    ratio,
    target: 1,
    met: ratio >= 1,
  };
}

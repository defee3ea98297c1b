/**
 * Memory per series of @lexigram/monitor-metrics against prom-client 15 and
 * @opentelemetry/sdk-metrics, in one process: 10k series of two labels, for a counter and for a
 * histogram with the default buckets. Each figure is the heap + external growth (after full GCs;
 * needs `--expose-gc`, which the bench script passes) divided by the series count, the median of
 * three builds. The label objects exist before each build, so only what a library keeps per
 * series is counted.
 */
import { Counter, Histogram } from '@lexigram/monitor-metrics';
import { client, otelMeter, retainedBytesPer } from './support/metricsPeers.js';

const SERIES = 10_000;
// The issue asks for series at least this many times smaller than prom-client's.
const TARGET = 1.5;
// The default buckets (ours and prom-client's), default buckets, given to OpenTelemetry explicitly.
const DEFAULT_BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface MemoryRow {
  readonly name: string;
  readonly ours: number;
  readonly prom: number;
  readonly otel: number;
}

function labelSets(): { method: string; route: string }[] {
  return Array.from({ length: SERIES }, (_, i) => ({
    method: i % 2 ? 'GET' : 'POST',
    route: `/r/${i}`,
  }));
}

function counterRow(labels: readonly { method: string; route: string }[]): MemoryRow {
  const ours = retainedBytesPer(SERIES, () => {
    const c = new Counter('heap_total', '', { maxSeries: SERIES });
    for (const l of labels) c.inc(1, l);
    return c;
  });
  const prom = retainedBytesPer(SERIES, () => {
    const c = new client.Counter({
      name: 'heap_total',
      help: 'h',
      labelNames: ['method', 'route'],
      registers: [],
    });
    for (const l of labels) c.inc(l, 1);
    return c;
  });
  const otel = retainedBytesPer(SERIES, () => {
    const { meter, reader } = otelMeter();
    const c = meter.createCounter('heap_total');
    for (const l of labels) c.add(1, l);
    return [c, reader];
  });
  return { name: 'counter, 2 labels', ours, prom, otel };
}

function histogramRow(labels: readonly { method: string; route: string }[]): MemoryRow {
  const ours = retainedBytesPer(SERIES, () => {
    const h = new Histogram('heap_seconds', '', { maxSeries: SERIES });
    for (const l of labels) h.observe(0.1, l);
    return h;
  });
  const prom = retainedBytesPer(SERIES, () => {
    const h = new client.Histogram({
      name: 'heap_seconds',
      help: 'h',
      labelNames: ['method', 'route'],
      registers: [],
    });
    for (const l of labels) h.observe(l, 0.1);
    return h;
  });
  const otel = retainedBytesPer(SERIES, () => {
    const { meter, reader } = otelMeter();
    const h = meter.createHistogram('heap_seconds', {
      advice: { explicitBucketBoundaries: DEFAULT_BOUNDS },
    });
    for (const l of labels) h.record(0.1, l);
    return [h, reader];
  });
  return { name: 'histogram (default buckets), 2 labels', ours, prom, otel };
}

export default function run(): Promise<void> {
  if ((globalThis as { gc?: unknown }).gc === undefined) {
    console.log('\n### metrics: memory per series skipped (run node with --expose-gc)');
    return Promise.resolve();
  }
  const labels = labelSets();
  const rows = [counterRow(labels), histogramRow(labels)];
  console.log(`\n### metrics: memory per series (heap + external, ${SERIES / 1000}k series)\n`);
  console.log(
    '| series | ours (B/series) | prom-client (B/series) | OTel (B/series) | prom / ours | target |',
  );
  console.log('|---|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const ratio = r.prom / r.ours;
    const met = ratio >= TARGET ? 'met' : 'MISSED';
    console.log(
      `| ${r.name} | ${r.ours.toFixed(0)} | ${r.prom.toFixed(0)} | ${r.otel.toFixed(0)} | ${ratio.toFixed(2)}x | >= ${TARGET}x ${met} |`,
    );
  }
  return Promise.resolve();
}

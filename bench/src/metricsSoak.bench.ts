/**
 * Soak of the cardinality cap: 1M observations over 100k distinct label sets on one counter
 * and one histogram capped at 2000 series. Each must end with 2001 series (2000 + the overflow
 * series), log one warning, and keep a flat heap once the cap is reached.
 */
import { MetricsCollector, type MetricsLogger } from '@lexigram/monitor-metrics';
import { gc } from './support/compare.js';

const OBSERVATIONS = 1_000_000;
const LABEL_SETS = 100_000;
const CAP = 2000;
const CHECKPOINT = 100_000;

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export default async function run(): Promise<void> {
  const warnings: string[] = [];
  const logger: MetricsLogger = { warn: (_details, message) => warnings.push(message) };
  const metrics = new MetricsCollector({ config: { maxSeriesPerMetric: CAP }, logger });
  const counter = metrics.createCounter('soak_requests_total', 'Soak', {
    labelNames: ['user', 'method'],
  });
  const histogram = metrics.createHistogram('soak_latency_seconds', 'Soak', {
    labelNames: ['user'],
  });

  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < OBSERVATIONS; i++) {
    const user = `u${i % LABEL_SETS}`;
    counter.inc(1, { user, method: i % 2 ? 'GET' : 'POST' });
    histogram.observe((i % 1000) / 1000, { user });
    if ((i + 1) % CHECKPOINT === 0) samples.push(heapMb());
  }
  const seconds = (performance.now() - started) / 1000;

  const families = await metrics.collect();
  const seriesCounts = families.map((f) => `${f.name}: ${f.series.length}`);
  const total = families.map((f) =>
    f.type === 'counter'
      ? f.series.reduce((sum, s) => sum + s.value, 0)
      : f.type === 'histogram'
        ? f.series.reduce((sum, s) => sum + s.count, 0)
        : 0,
  );
  // Heap after the cap was reached (first checkpoint onwards) should not grow.
  const growthMb = samples.at(-1)! - samples[1]!;
  const flat = Math.abs(growthMb) < 2;
  const ok =
    families.every((f) => f.series.length === CAP + 1) &&
    total.every((t) => t === OBSERVATIONS) &&
    warnings.length === 2 &&
    flat;

  console.log('\n### metrics: cardinality soak\n');
  console.log(
    `- ${OBSERVATIONS.toLocaleString('en')} observations each on a counter and a histogram, over ${LABEL_SETS.toLocaleString('en')} label sets, cap ${CAP}: ${seconds.toFixed(2)} s`,
  );
  console.log(`- series: ${seriesCounts.join(', ')} (expected ${CAP + 1} each)`);
  console.log(
    `- observations accounted for: ${total.map((t) => t.toLocaleString('en')).join(', ')}`,
  );
  console.log(`- warnings logged: ${warnings.length} (one per metric)`);
  console.log(
    `- heap (MB) every ${CHECKPOINT.toLocaleString('en')}: ${samples.map((s) => s.toFixed(1)).join(' ')}`,
  );
  console.log(
    `- heap growth after the cap was reached: ${growthMb.toFixed(2)} MB (${flat ? 'flat' : 'GROWING'})`,
  );
  console.log(`- verdict: ${ok ? 'PASS' : 'FAIL'}`);
}

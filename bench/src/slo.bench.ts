/**
 * @lexigram/monitor-slo against prom-client 15's Summary (a t-digest over a sliding window of
 * age buckets, the closest peer to a rolling percentile), in one process:
 * - accuracy and retained memory of 1M latency samples in a 1-hour window: our DDSketch ring,
 *   prom-client's Summary, and the raw sample list the Python reference keeps;
 * - the cost of recording a sample, reading p99, and counting an error-budget event.
 */
import client from 'prom-client';
import { ErrorBudgetTracker, RollingQuantileWindow, SLOMonitor } from '@lexigram/monitor-slo';
import { compare, gc } from './support/compare.js';

const SAMPLES = 1_000_000;
const HOUR = 3_600_000;
const QUANTILES = [0.5, 0.9, 0.99, 0.999] as const;

/** Seeded log-normal latencies (median 80 ms): the same data every run. */
function latencySamples(n: number): Float64Array {
  let state = 12345;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    out[i] = 80 * Math.exp(0.9 * normal);
  }
  return out;
}

/**
 * Heap a structure retains, measured on release: build it, read it, then compare the heap (after
 * full GCs) with the structure alive and after dropping it. Measuring the release rather than the
 * build leaves out the compiled code and inline caches the build loop itself creates.
 */
async function retained<T, R>(
  build: () => T,
  read: (value: T) => R | Promise<R>,
  copies = 1,
): Promise<{ bytes: number; result: R }> {
  // Small structures are measured as several copies: one alone is lost in the heap's noise.
  const holder: { values: T[] } = { values: Array.from({ length: copies }, build) };
  const result = await read(holder.values[0]!);
  gc();
  const alive = process.memoryUsage().heapUsed;
  holder.values = [];
  gc();
  return { bytes: (alive - process.memoryUsage().heapUsed) / copies, result };
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(0, bytes / 1024).toFixed(1)} KB`;
}

function pct(estimate: number, exact: number): string {
  return `${((Math.abs(estimate - exact) / exact) * 100).toFixed(3)} %`;
}

async function accuracyAndMemory(): Promise<void> {
  const samples = latencySamples(SAMPLES);
  const sorted = Float64Array.from(samples).sort();
  const exact = QUANTILES.map((q) => sorted[Math.floor(q * (sorted.length - 1))]!);
  // Spread the samples over the hour so all 12 slots are filled and merged on read.
  const stepMs = (HOUR - 1) / SAMPLES;

  const ours = await retained(
    () => {
      const window = new RollingQuantileWindow({ windowMs: HOUR, slots: 12 });
      for (let i = 0; i < SAMPLES; i++) window.record(samples[i]!, i * stepMs);
      return window;
    },
    (window) => ({
      quantiles: QUANTILES.map((q) => window.quantile(q, HOUR - 1)!.value),
      bins: window.binCount,
    }),
    10,
  );
  const oursQ = ours.result.quantiles;

  const monitor = await retained(
    () => {
      const m = new SLOMonitor({ logging: { enabled: false } });
      m.register({ name: 'p99', metric: 'lat', percentile: 0.99, thresholdMs: 200 });
      for (let i = 0; i < SAMPLES; i++) m.recordSample('lat', samples[i]!);
      return m;
    },
    (m) => m.measure('p99')!.valueMs,
    10,
  );
  const monitorP99 = monitor.result;

  const prom = await retained(
    () => {
      const summary = new client.Summary({
        name: 'bench_latency_ms',
        help: 'l',
        percentiles: [...QUANTILES],
        maxAgeSeconds: 3600,
        ageBuckets: 12,
        registers: [new client.Registry()],
      });
      for (let i = 0; i < SAMPLES; i++) summary.observe(samples[i]!);
      return summary;
    },
    async (summary) => {
      const values = (await summary.get()).values;
      return QUANTILES.map((q) => values.find((v) => v.labels.quantile === q)!.value);
    },
  );
  const promQ = prom.result;

  const raw = await retained(
    () => {
      const list: number[] = [];
      for (let i = 0; i < SAMPLES; i++) list.push(samples[i]!);
      return list;
    },
    (list) => list.length,
  );

  console.log(
    `\n### slo: accuracy and memory, ${SAMPLES.toLocaleString('en')} samples in a 1 h window\n`,
  );
  console.log('| structure | p50 error | p90 error | p99 error | p99.9 error | retained heap |');
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(
    `| ours: RollingQuantileWindow (12 DDSketch slots, 1 %) | ${oursQ.map((v, i) => pct(v, exact[i]!)).join(' | ')} | ${kb(ours.bytes)} (${ours.result.bins} bins) |`,
  );
  console.log(
    `| ours: SLOMonitor p99 (real clock: all 1M in one slot) | | | ${pct(monitorP99, exact[2]!)} | | ${kb(monitor.bytes)} |`,
  );
  console.log(
    `| prom-client Summary (t-digest, 12 age buckets) | ${promQ.map((v, i) => pct(v, exact[i]!)).join(' | ')} | ${kb(prom.bytes)} |`,
  );
  console.log(
    `| raw sample list (the Python reference's model) | 0 % | 0 % | 0 % | 0 % | ${kb(raw.bytes)} |`,
  );
  console.log(
    `\nexact: ${QUANTILES.map((q, i) => `p${q * 100}=${exact[i]!.toFixed(2)} ms`).join(', ')}; ours: ${oursQ.map((v) => v.toFixed(2)).join(', ')}; prom-client: ${promQ.map((v) => v.toFixed(2)).join(', ')}`,
  );
  const worst = Math.max(...oursQ.map((v, i) => Math.abs(v - exact[i]!) / exact[i]!));
  console.log(
    `p99 within 1 % of exact: ${Math.abs(oursQ[2]! - exact[2]!) / exact[2]! <= 0.01 ? 'yes' : 'NO'}; worst of p50..p99.9: ${(worst * 100).toFixed(3)} %`,
  );
}

async function speed(): Promise<void> {
  const samples = latencySamples(1 << 16);
  const mask = samples.length - 1;
  let i = 0;
  const next = (): number => samples[i++ & mask]!;

  // A simulated clock spreads the warm-up samples over the hour, so reads merge all 12 slots.
  let now = 0;
  const monitor = new SLOMonitor({ logging: { enabled: false }, clock: () => now });
  monitor.register({ name: 'p99', metric: 'lat', percentile: 0.99, thresholdMs: 200 });
  const summary = new client.Summary({
    name: 'bench_latency_ms',
    help: 'l',
    percentiles: [0.99],
    maxAgeSeconds: 3600,
    ageBuckets: 12,
    registers: [new client.Registry()],
  });
  for (let k = 0; k < 100_000; k++) {
    const v = next();
    now = k * 36;
    monitor.recordSample('lat', v);
    summary.observe(v);
  }
  const live = new SLOMonitor({ logging: { enabled: false } });
  live.register({ name: 'p99', metric: 'lat', percentile: 0.99, thresholdMs: 200 });
  const tracker = new ErrorBudgetTracker({ name: 'checkout', objective: 0.999 });
  const counter = new client.Counter({
    name: 'bench_good_total',
    help: 'g',
    registers: [new client.Registry()],
  });

  await compare('slo: hot path and reads (1 h window, 12 slots)', [
    {
      name: 'record one latency sample (real clock)',
      ours: () => live.recordSample('lat', next()),
      peer: () => summary.observe(next()),
      peerName: 'prom-client Summary.observe',
    },
    {
      name: 'read p99 of the window (100k samples, 12 slots merged)',
      ours: () => monitor.measure('p99'),
      peer: () => summary.get(),
      peerName: 'prom-client Summary.get (p99 only)',
    },
    {
      name: 'count one good event (error budget, 2 tiers)',
      ours: () => tracker.recordGood(),
      peer: () => counter.inc(),
      peerName: 'prom-client Counter.inc',
    },
    {
      name: 'error budget + 1 h burn rate read',
      ours: () => (tracker.errorBudget(), tracker.burnRate()),
      peer: () => counter.get(),
      peerName: 'prom-client Counter.get',
    },
  ]);
}

export default async function run(): Promise<void> {
  await accuracyAndMemory();
  await speed();
}

/**
 * Profiling: what the sampling monitor costs. The target: sampling every 100 ms costs
 * under 1% of one core. Measured two ways, each side by side with prom-client's default
 * metrics (the usual way a Node service gets the same runtime figures):
 *
 * 1. CPU time of the whole process over idle periods, sampler running vs not (all costs
 *    included: the sampling timer, the event-loop delay probes, the GC observer).
 * 2. mitata: the cost of one sample (ours: `takeSnapshot()`; prom-client: one `metrics()`
 *    collection of its default metrics), and what 10 of them per second cost.
 */
import { PerformanceMonitor, RuntimeMetricsPublisher } from '@lexigram/monitor-profiling';
import { NOOP_METRICS_COLLECTOR } from '@lexigram/monitor-core';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { compare } from './support/compare.js';
import { measureOverhead, printOverhead, type Sampler } from './support/profilingOverhead.js';

const PERIOD_MS = Number(process.env.PROFILING_BENCH_PERIOD_MS ?? 3000);
const ROUNDS = Number(process.env.PROFILING_BENCH_ROUNDS ?? 3);

function monitorSampler(
  name: string,
  config: ConstructorParameters<typeof PerformanceMonitor>[0],
): Sampler {
  let monitor: PerformanceMonitor | undefined;
  return {
    name,
    start: () => {
      monitor = new PerformanceMonitor(config);
      monitor.startMonitoring();
    },
    stop: () => {
      monitor?.stopMonitoring();
    },
  };
}

function promClientSampler(): Sampler {
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'prom-client default metrics, collected every 100 ms',
    start: () => {
      const registry = new Registry();
      collectDefaultMetrics({ register: registry });
      timer = setInterval(() => void registry.metrics(), 100);
    },
    stop: () => clearInterval(timer),
  };
}

export default async function run(): Promise<void> {
  const publisher = new RuntimeMetricsPublisher(NOOP_METRICS_COLLECTOR, { windowMs: 100 });
  const rows = await measureOverhead(
    [
      monitorSampler('ours: PerformanceMonitor every 100 ms (defaults: event loop, GC, handles)', {
        samplingIntervalMs: 100,
      }),
      monitorSampler('ours: PerformanceMonitor every 100 ms, event-loop tracking off', {
        samplingIntervalMs: 100,
        trackEventLoop: false,
      }),
      {
        name: 'ours: RuntimeMetricsPublisher, 100 ms windows',
        start: () => publisher.start(),
        stop: () => publisher.stop(),
      },
      promClientSampler(),
    ],
    PERIOD_MS,
    ROUNDS,
  );
  printOverhead(
    `profiling: CPU overhead while idle (${ROUNDS} rounds of ${PERIOD_MS} ms, medians)`,
    rows,
    1,
  );

  const monitor = new PerformanceMonitor({ samplingIntervalMs: 3_600_000, maxSnapshots: 100 });
  monitor.startMonitoring();
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sampleRows = await compare('profiling: one sample of runtime figures', [
    {
      name: 'one snapshot (CPU, memory, event loop, handles, GC)',
      ours: () => monitor.takeSnapshot(),
      peer: () => registry.getMetricsAsJSON(),
      peerName: 'prom-client default metrics',
    },
  ]);
  monitor.stopMonitoring();
  const perSampleNs = sampleRows[0]!.oursNs;
  console.log(
    `\nAt 10 samples per second one snapshot costs ${(((perSampleNs * 10) / 1e9) * 100).toFixed(4)}% of one core (sampling work alone, timers and probes excluded).`,
  );
}

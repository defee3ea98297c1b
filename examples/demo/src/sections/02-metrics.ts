import {
  InvalidMetricError,
  ObservabilityService,
  monitorHooks,
  resetObservability,
  setObservability,
} from '@lexigram/monitor-core';
import {
  BufferedMetricRecorder,
  MetricsCollector,
  MetricsExporterRegistry,
  PeriodicMetricsExporter,
  metered,
  meteredFunction,
  type MetricsLogger,
} from '@lexigram/monitor-metrics';

/** Prints warnings as one readable line, so the demo output stays legible. */
const logger: MetricsLogger = {
  warn: (_details, message) => console.log(`warning: ${message}`),
};

class Checkout {
  @metered({ module: 'shop' })
  async pay(amountCents: number): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return `paid ${amountCents}`;
  }
}

/** In-process metrics: instruments, collector, callbacks, buffering, metered and console export. */
export default {
  title: 'metrics: instruments, collector, buffered recorder, metered, console export',
  async run(): Promise<void> {
    const metrics = new MetricsCollector({
      config: { prefix: 'demo', defaultLabels: { service: 'shop' }, maxSeriesPerMetric: 3 },
      collectTimeoutMs: 200,
      logger,
      onCollectError: (error) =>
        console.log(`collect: left out ${error.metricName}: ${error.message}`),
    });

    let recorded = 0;
    const off = monitorHooks.metricRecorded.subscribe(() => recorded++);

    const requests = metrics.createCounter('requests_total', 'HTTP requests', {
      labelNames: ['method', 'status'],
    });
    const ok = requests.labels({ method: 'GET', status: '200' }); // bound: no lookup per call
    for (let i = 0; i < 5; i++) ok.inc();
    requests.inc(1, { method: 'POST', status: '201' });
    requests.inc(1, { method: 'GET' }); // a missing label records as ''
    const created = requests.labels({ method: 'POST', status: '201' }).get();
    console.log(`counter: GET/200 via its bound handle = ${ok.get()}, POST/201 = ${created}`);

    // Past the cap of 3 series, new label sets share one overflow series (one warning).
    for (const status of ['404', '500', '503']) requests.inc(1, { method: 'GET', status });

    try {
      requests.inc(1, { method: 'GET', region: 'eu' });
    } catch (error) {
      if (error instanceof InvalidMetricError)
        console.log(`invalid: ${error.code}: ${error.message}`);
      else throw error;
    }

    const latency = metrics.createHistogram('latency_seconds', 'Request latency', {
      buckets: [0.05, 0.1, 0.5],
    });
    for (const v of [0.02, 0.07, 0.3, 0.9]) latency.observe(v, { route: '/cart' });
    const rpc = metrics.createSummary('rpc_seconds', 'RPC latency', { quantiles: [0.5, 0.99] });
    for (let i = 1; i <= 100; i++) rpc.observe(i / 1000);

    let queued = 7;
    metrics.createGauge('queue_depth', 'Jobs waiting', { collect: (g) => g.set(queued) });
    metrics.createGauge('pool_size', 'Open connections', {
      collect: async (g) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        g.set(4);
      },
    });
    metrics.createGauge('broken_gauge', 'Always fails', {
      collect: () => {
        throw new Error('sensor offline');
      },
    });
    queued = 9;

    const recorder = new BufferedMetricRecorder(metrics, { flushIntervalMs: 1000 });
    recorder.start();
    for (let i = 0; i < 10; i++)
      recorder.record('jobs_done_total', 1, { queue: 'mail' }, 'counter');
    console.log(`buffered: ${recorder.pending} pending, stop() flushed ${recorder.stop()}`);

    setObservability(new ObservabilityService({ meter: metrics }));
    const fetchUser = meteredFunction(
      async function fetchUser(id: string) {
        return Promise.resolve({ id });
      },
      { module: 'shop' },
    );
    await fetchUser('u1');
    console.log(`metered: ${await new Checkout().pay(1250)}`);
    resetObservability();

    const exporter = MetricsExporterRegistry.withDefaults().createExporter({ type: 'console' });
    if (!exporter) throw new Error('console exporter missing');
    const loop = new PeriodicMetricsExporter({
      producer: metrics,
      exporter,
      intervalMs: 60_000,
      logger,
    });
    loop.start();
    console.log('console export (on stop):');
    await loop.stop();

    off();
    console.log(`hook: metricRecorded fired ${recorded} times`);
  },
};

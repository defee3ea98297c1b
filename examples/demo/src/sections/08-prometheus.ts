import { PrometheusBackend } from '@lexigram/monitor-backend-prometheus';
import { MetricsCollector } from '@lexigram/monitor-metrics';

/** The Prometheus backend: one /metrics for a collector, recordMetric and the Node.js defaults. */
export default {
  title: 'prometheus: /metrics in text 0.0.4 and OpenMetrics',
  async run(): Promise<void> {
    const metrics = new MetricsCollector();
    const latency = metrics.createHistogram('checkout_duration', 'Checkout latency', {
      unit: 'seconds',
      buckets: [0.1, 0.5, 1],
    });
    for (const v of [0.08, 0.3, 0.7]) latency.observe(v);

    // port 0: any free port (the demo must not collide with anything); 9464 by default.
    const backend = new PrometheusBackend({ port: 0, host: '127.0.0.1', sources: [metrics] });
    await backend.initialize();
    backend.recordMetric('orders.created', 2, 'counter', { channel: 'web' });
    console.log(`serving ${backend.url}`);

    const text = await (await fetch(backend.url!)).text();
    for (const line of text.split('\n')) {
      if (/^(orders_created_total|checkout_duration_seconds_(bucket|count))/.test(line)) {
        console.log(`  ${line}`);
      }
    }
    const defaults = text.split('\n').filter((l) => l.startsWith('# TYPE nodejs_')).length;
    console.log(`default metrics: ${defaults} nodejs_* families in the same response`);

    const om = await fetch(backend.url!, {
      headers: { accept: 'application/openmetrics-text;version=1.0.0' },
    });
    const body = await om.text();
    console.log(
      `OpenMetrics: ${om.headers.get('content-type')}, ends with ${JSON.stringify(body.slice(-6))}`,
    );
    await backend.shutdown();
  },
};

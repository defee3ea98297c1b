import { createServer, type Server } from 'node:http';
import { Registry } from 'prom-client';
import { PrometheusMetricsExporter } from '../../src/backend/prometheusMetricsExporter.js';

describe('PrometheusMetricsExporter', () => {
  it('increments, sets and observes by name with tags, into its own registry', async () => {
    const a = new PrometheusMetricsExporter();
    const b = new PrometheusMetricsExporter();
    a.increment('orders.created', 1, { channel: 'web' });
    a.increment('orders.created', 2, { channel: 'web' });
    a.increment('orders.created', undefined, {});
    a.setGauge('queue.depth', 7, { queue: 'q1' });
    a.observe('latency_seconds', 0.2);
    await a.flush();
    const text = await a.registry.metrics();
    expect(text).toContain('orders_created{channel="web"} 3');
    expect(text).toContain('orders_created{channel=""} 1');
    expect(text).toContain('queue_depth{queue="q1"} 7');
    expect(text).toContain('latency_seconds_count 1');
    expect(await b.registry.metrics()).toBe('\n');
  });

  it('uses the registry it is given', async () => {
    const registry = new Registry();
    new PrometheusMetricsExporter(registry).setGauge('g', 1);
    expect(await registry.metrics()).toContain('g 1');
  });

  it('serves the registry through metricsApp on a node:http server', async () => {
    const exporter = new PrometheusMetricsExporter();
    exporter.increment('hits', 4);
    const server: Server = createServer(exporter.metricsApp);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('hits_total 4\n');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

import { createServer, type Server } from 'node:http';
import { OtlpMetricsExporter, OtlpSpanExporter } from '@lexigram/monitor-backend-otel';
import { SpanKind } from '@lexigram/monitor-core';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import { Tracer } from '@lexigram/monitor-tracing';

/** What the stand-in collector counted. */
interface Received {
  spans: number;
  metrics: string[];
}

/**
 * A stand-in OTLP/HTTP collector on loopback, used when no OTEL_EXPORTER_OTLP_ENDPOINT is set:
 * it reads OTLP JSON and counts what arrives.
 */
async function startLocalCollector(): Promise<{ url: string; got: Received; server: Server }> {
  const got: Received = { spans: 0, metrics: [] };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans?: { scopeSpans: { spans: unknown[] }[] }[];
        resourceMetrics?: { scopeMetrics: { metrics: { name: string }[] }[] }[];
      };
      for (const rs of body.resourceSpans ?? [])
        for (const ss of rs.scopeSpans) got.spans += ss.spans.length;
      for (const rm of body.resourceMetrics ?? [])
        for (const sm of rm.scopeMetrics) got.metrics.push(...sm.metrics.map((m) => m.name));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, got, server };
}

/** Spans and metrics shipped over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (or a local stand-in). */
export default {
  title: 'otlp: spans and metrics to an OTLP endpoint',
  async run(): Promise<void> {
    const fromEnv = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    const local = fromEnv ? undefined : await startLocalCollector();
    console.log(
      fromEnv
        ? `sending to OTEL_EXPORTER_OTLP_ENDPOINT=${fromEnv} (OTLP/HTTP protobuf)`
        : `OTEL_EXPORTER_OTLP_ENDPOINT is not set: sending to a local stand-in collector at ${local!.url} (OTLP/HTTP JSON)`,
    );
    // With the variable set, the exporters read it themselves (and the other OTEL_EXPORTER_OTLP_*).
    const options = local
      ? { config: { endpoint: local.url }, protocol: 'http/json' as const }
      : {};

    const spanExporter = new OtlpSpanExporter(options);
    const tracer = new Tracer({ serviceName: 'demo-shop', exporter: spanExporter });
    await tracer.startActiveSpan('POST /checkout', { kind: SpanKind.Server }, async (span) => {
      span.setAttribute('http.request.method', 'POST');
      await tracer.startActiveSpan('charge card', async () => {});
      await tracer.startActiveSpan('reserve stock', async () => {});
    });

    const metrics = new MetricsCollector();
    metrics.createCounter('demo_orders_total', 'Orders placed').inc(3, {});
    metrics.createHistogram('demo_checkout_seconds', 'Checkout latency').observe(0.42);
    const metricsExporter = new OtlpMetricsExporter({ ...options, serviceName: 'demo-shop' });
    try {
      await metricsExporter.export(await metrics.collect());
    } catch {
      // reported through the fault channel; the counts below show it
    }

    await tracer.shutdown(); // flushes the batch of spans
    await metricsExporter.shutdown();
    const s = spanExporter.stats();
    const m = metricsExporter.stats();
    console.log(`spans: ${s.exportedItems} exported, ${s.droppedItems} dropped`);
    console.log(`metric data points: ${m.exportedItems} exported, ${m.droppedItems} dropped`);
    if (local) {
      console.log(
        `collector received ${local.got.spans} spans and metrics ${local.got.metrics.join(', ')}`,
      );
      await new Promise<void>((resolve) => local.server.close(() => resolve()));
    }
  },
};

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HealthCheckRegistry } from '@lexigram/monitor-health';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import {
  instrumentNodeHttp,
  instrumentOutgoingRequests,
  setHttpRoute,
} from '@lexigram/monitor-middleware';
import { InMemorySpanExporter, Tracer } from '@lexigram/monitor-tracing';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Two instrumented services on loopback: one trace across both, RED metrics, /metrics, /health. */
export default {
  title: 'middleware: request spans, RED metrics, /metrics, /health, outgoing calls',
  async run(): Promise<void> {
    const exporter = new InMemorySpanExporter();
    const tracer = new Tracer({ serviceName: 'demo', exporter, processor: 'simple' });
    const metricsCollector = new MetricsCollector();
    const health = new HealthCheckRegistry();
    health.add('db', () => true);
    const stop = instrumentOutgoingRequests({ tracer });

    const stock = createServer(
      instrumentNodeHttp(
        (req, res) => {
          setHttpRoute(req, '/stock/:sku');
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ inStock: 3, traceparent: req.headers.traceparent }));
        },
        { tracer, metricsCollector },
      ),
    );
    const stockUrl = await listen(stock);
    const shop = createServer(
      instrumentNodeHttp(
        async (req, res) => {
          if (!req.url?.startsWith('/buy/')) {
            res.statusCode = 404;
            res.end();
            return;
          }
          setHttpRoute(req, '/buy/:sku');
          const answer = await fetch(`${stockUrl}/stock/${req.url.slice(5)}`);
          res.end(await answer.text());
        },
        { tracer, metricsCollector, health },
      ),
    );
    const shopUrl = await listen(shop);

    const bought = (await (await fetch(`${shopUrl}/buy/a1`)).json()) as { traceparent: string };
    await (await fetch(`${shopUrl}/buy/b2`)).text();
    await (await fetch(`${shopUrl}/no/such/page`)).text();
    const ready = await fetch(`${shopUrl}/health/ready`);
    console.log(`GET /health/ready: HTTP ${ready.status} ${await ready.text()}`);
    const metrics = (await (await fetch(`${shopUrl}/metrics`)).json()) as {
      metrics: { name: string; series: { labels: Record<string, string>; count?: number }[] }[];
    };

    const spans = exporter.getFinishedSpans();
    const shopSpan = spans.find((s) => s.attributes['url.path'] === '/buy/a1')!;
    const stockSpan = spans.find((s) => s.attributes['url.path'] === '/stock/a1')!;
    const client = spans.find((s) => s.spanContext.spanId === stockSpan.parentSpanId)!;
    console.log(
      `spans: ${spans
        .map((s) => `${s.kind} ${s.name}`)
        .sort()
        .join(', ')}`,
    );
    console.log(`stock service received traceparent ${bought.traceparent}`);
    const oneTrace =
      shopSpan.spanContext.traceId === stockSpan.spanContext.traceId &&
      client.parentSpanId === shopSpan.spanContext.spanId &&
      bought.traceparent.includes(`${shopSpan.spanContext.traceId}-${client.spanContext.spanId}`);
    console.log(`one trace across both services for /buy/a1: ${oneTrace}`);
    const duration = metrics.metrics.find((f) => f.name === 'http.server.request.duration')!;
    for (const s of duration.series) {
      const l = s.labels;
      console.log(
        `  ${l['http.request.method']} ${l['http.route']} ${l['http.response.status_code']}: ${s.count}`,
      );
    }

    stop();
    shop.closeAllConnections();
    stock.closeAllConnections();
    await Promise.all([shop, stock].map((s) => new Promise((r) => s.close(r))));
  },
};

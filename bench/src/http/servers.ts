/**
 * One HTTP server variant per process (OpenTelemetry's http instrumentation patches `node:http`
 * when loaded, so each variant gets a clean process). Prints `PORT <n>` once listening.
 * Usage: node --import tsx servers.ts <variant>
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { SpanExporter } from '@lexigram/monitor-core';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import { instrumentNodeHttp } from '@lexigram/monitor-middleware';
import { instrumentExpress } from '@lexigram/monitor-middleware/express';
import { instrumentFastify } from '@lexigram/monitor-middleware/fastify';
import { Tracer } from '@lexigram/monitor-tracing';

const BODY = JSON.stringify({ hello: 'world' });
const hello: RequestListener = (_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(BODY);
};

// Spans are batched, counted and dropped: the cost measured is making them, not shipping them.
// The count is printed on SIGTERM so the bench can show the instrumentation was really on.
let exported = 0;
process.on('SIGTERM', () => {
  console.log(`SPANS ${exported}`);
  process.exit(0);
});
const discard = {
  export: (spans: readonly unknown[]) => {
    exported += spans.length;
    return Promise.resolve();
  },
  shutdown: async () => {},
} as unknown as SpanExporter;
const lexigram = () => ({
  tracer: new Tracer({ serviceName: 'bench', exporter: discard, maxSpans: 0, trackLeaks: false }),
  metricsCollector: new MetricsCollector(),
});

async function serve(listener: RequestListener): Promise<void> {
  const server = createServer(listener);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  console.log(`PORT ${(server.address() as AddressInfo).port}`);
}

async function main(variant: string): Promise<void> {
  switch (variant) {
    case 'node':
      return serve(hello);
    case 'node+lexigram':
      return serve(instrumentNodeHttp(hello, lexigram()));
    case 'node+otel': {
      const { NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
      const { BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
      const { registerInstrumentations } = await import('@opentelemetry/instrumentation');
      const { HttpInstrumentation } = await import('@opentelemetry/instrumentation-http');
      const provider = new NodeTracerProvider({
        spanProcessors: [
          new BatchSpanProcessor({
            export: (spans, done) => {
              exported += spans.length;
              done({ code: 0 });
            },
            shutdown: async () => {},
          }),
        ],
      });
      provider.register();
      registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
      // Require node:http after registering, as an OpenTelemetry app does, so it is patched.
      const http = createRequire(import.meta.url)('node:http') as typeof import('node:http');
      const server = http.createServer(hello);
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      console.log(`PORT ${(server.address() as AddressInfo).port}`);
      return;
    }
    case 'fastify':
    case 'fastify+lexigram': {
      const Fastify = (await import('fastify')).default;
      const app = Fastify();
      if (variant === 'fastify+lexigram') instrumentFastify(app, lexigram());
      app.get('/hello/:name', async () => ({ hello: 'world' }));
      await app.listen({ port: 0, host: '127.0.0.1' });
      console.log(`PORT ${(app.server.address() as AddressInfo).port}`);
      return;
    }
    case 'express':
    case 'express+lexigram':
    case 'express+prom-bundle': {
      const express = (await import('express')).default;
      const app = express();
      if (variant === 'express+lexigram') instrumentExpress(app, lexigram());
      if (variant === 'express+prom-bundle') {
        const promBundle = (await import('express-prom-bundle')).default;
        app.use(promBundle({ includeMethod: true, includePath: true, includeStatusCode: true }));
      }
      app.get('/hello/:name', (_req, res) => {
        res.json({ hello: 'world' });
      });
      return serve(app);
    }
    default:
      throw new Error(`unknown variant ${variant}`);
  }
}

await main(process.argv[2] ?? 'node');

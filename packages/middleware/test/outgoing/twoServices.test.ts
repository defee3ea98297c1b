import { Agent, createServer, get, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { instrumentOutgoingRequests } from '../../src/index.js';
import { instrumentExpress } from '../../src/express/index.js';
import { instrumentFastify } from '../../src/fastify/index.js';
import { close, createTelemetry, listen, until } from '../support/telemetry.js';

/** GET `url` as JSON, returning the parsed body. */
type Caller = (url: string) => Promise<unknown>;

const keepAlive = new Agent({ keepAlive: true });

function readJson(resolve: (v: unknown) => void, reject: (e: Error) => void) {
  return (res: IncomingMessage) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => resolve(JSON.parse(text)));
    res.on('error', reject);
  };
}

// Every way a service calls another: fetch (undici), http.get, http.request with a body, and
// http.request through the user's own keep-alive agent (twice, so the second reuses the socket).
const CALLERS: [string, Caller][] = [
  ['fetch', async (url) => (await fetch(url)).json()],
  [
    'http.get',
    (url) =>
      new Promise((resolve, reject) => get(url, readJson(resolve, reject)).on('error', reject)),
  ],
  [
    'http.request (POST with a body)',
    (url) =>
      new Promise((resolve, reject) => {
        const req = request(
          url,
          { method: 'POST', headers: { 'content-type': 'text/plain' } },
          readJson(resolve, reject),
        );
        req.on('error', reject);
        req.end('payload');
      }),
  ],
  [
    'http.request with a user-supplied keep-alive agent',
    (url) =>
      new Promise((resolve, reject) => {
        request(url, { agent: keepAlive }, readJson(resolve, reject)).on('error', reject).end();
      }),
  ],
];

describe.each(CALLERS)(
  'two services on different frameworks share one trace: %s',
  (caller, call) => {
    const front = createTelemetry('front'); // Fastify
    const back = createTelemetry('back'); // Express
    let backServer: Server;
    let frontApp: FastifyInstance;
    let stop: () => void;

    beforeAll(async () => {
      const backApp = express();
      instrumentExpress(backApp, { tracer: back.tracer, metricsCollector: back.metricsCollector });
      backApp.all('/inventory/:sku', (req, res) => {
        res.json({ sku: req.params.sku, traceparent: req.headers.traceparent ?? null });
      });
      backServer = createServer(backApp);
      const backBase = await listen(backServer);

      frontApp = Fastify();
      instrumentFastify(frontApp, {
        tracer: front.tracer,
        metricsCollector: front.metricsCollector,
      });
      frontApp.get('/checkout/:sku', async (req) => {
        const url = `${backBase}/inventory/${(req.params as { sku: string }).sku}`;
        return { downstream: await call(url) };
      });
      await frontApp.listen({ port: 0, host: '127.0.0.1' });
      stop = instrumentOutgoingRequests({ tracer: front.tracer });
    });
    afterAll(async () => {
      stop();
      await frontApp.close();
      keepAlive.destroy();
      await close(backServer);
    });

    it('propagates traceparent and links every span', async () => {
      const incoming = '0af7651916cd43dd8448eb211c80319c';
      const port = (frontApp.server.address() as AddressInfo).port;
      const res = await fetch(`http://127.0.0.1:${port}/checkout/abc`, {
        headers: { traceparent: `00-${incoming}-b7ad6b7169203331-01` },
      });
      const body = (await res.json()) as { downstream: { sku: string; traceparent: string } };
      await until(
        () => back.serverSpans().length === 1 && front.serverSpans().length === 1,
        'server spans',
      );

      const frontServer = front.serverSpans()[0]!;
      const client = front.spans().find((s) => s.kind === 'client')!;
      const backServerSpan = back.serverSpans()[0]!;

      expect(frontServer.name).toBe('GET /checkout/:sku');
      expect(backServerSpan.name).toBe(
        `${caller.includes('POST') ? 'POST' : 'GET'} /inventory/:sku`,
      );
      // One trace: the caller's, through both services.
      expect(frontServer.spanContext.traceId).toBe(incoming);
      expect(client.spanContext.traceId).toBe(incoming);
      expect(backServerSpan.spanContext.traceId).toBe(incoming);
      // Parent chain: front server -> client -> back server.
      expect(client.parentSpanId).toBe(frontServer.spanContext.spanId);
      expect(backServerSpan.parentSpanId).toBe(client.spanContext.spanId);
      // The header the second service received.
      expect(body.downstream.traceparent).toBe(`00-${incoming}-${client.spanContext.spanId}-01`);
      expect(client.attributes).toMatchObject({
        'http.request.method': caller.includes('POST') ? 'POST' : 'GET',
        'http.response.status_code': 200,
        'url.full': expect.stringMatching(/\/inventory\/abc$/),
        'server.address': '127.0.0.1',
      });
    });
  },
);

import { Agent, createServer, get, request, type RequestOptions, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { instrumentOutgoingRequests } from '../../src/index.js';
import { NODE_PUBLISHES_REQUEST_CREATED } from '../../src/outgoing/clientRequestCreated.js';
import { close, createTelemetry, listen, until } from '../support/telemetry.js';

describe('instrumentOutgoingRequests', () => {
  const t = createTelemetry();
  let server: Server;
  let base: string;
  let received: (string | undefined)[] = [];
  let stop: () => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req.headers.traceparent as string | undefined);
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.end('ok');
    });
    base = await listen(server);
    stop = instrumentOutgoingRequests({
      tracer: t.tracer,
      ignore: (url) => url.endsWith('/ignored'),
    });
  });
  afterAll(async () => {
    stop();
    await close(server);
  });
  beforeEach(() => {
    received = [];
    t.exporter.reset();
  });

  const inParent = <T>(fn: () => Promise<T>) => t.tracer.startActiveSpan('parent', () => fn());
  const flags = (span: { spanContext: { traceFlags: number } }) =>
    span.spanContext.traceFlags.toString(16).padStart(2, '0');

  it('traces fetch calls as children of the active span and injects traceparent', async () => {
    await inParent(async () => (await fetch(`${base}/missing`)).text());
    await until(() => t.spans().length === 2, 'spans');
    const parent = t.spans().find((s) => s.name === 'parent')!;
    const client = t.spans().find((s) => s.kind === 'client')!;
    expect(client.parentSpanId).toBe(parent.spanContext.spanId);
    expect(client.attributes['http.response.status_code']).toBe(404);
    expect(client.status.code).toBe('error');
    expect(received).toEqual([
      `00-${parent.spanContext.traceId}-${client.spanContext.spanId}-${flags(client)}`,
    ]);
  });

  const getText = (url: string, options: RequestOptions = {}) =>
    new Promise<void>((resolve, reject) => {
      request(url, options, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
  const traceparent = (client: {
    spanContext: { traceId: string; spanId: string; traceFlags: number };
  }) => `00-${client.spanContext.traceId}-${client.spanContext.spanId}-${flags(client)}`;

  it('traces node:http requests and injects traceparent on every Node version', async () => {
    await inParent(
      () =>
        new Promise<void>((resolve) => {
          get(`${base}/x`, (res) => {
            res.resume();
            res.on('end', resolve);
          });
        }),
    );
    await until(() => t.spans().some((s) => s.kind === 'client'), 'client span');
    const parent = t.spans().find((s) => s.name === 'parent')!;
    const client = t.spans().find((s) => s.kind === 'client')!;
    expect(client.parentSpanId).toBe(parent.spanContext.spanId);
    expect(client.attributes['url.full']).toBe(`${base}/x`);
    expect(received).toEqual([
      `00-${parent.spanContext.traceId}-${client.spanContext.spanId}-${flags(client)}`,
    ]);
  });

  it('injects through a user-supplied keep-alive agent, also on a reused socket, and agent: false', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await inParent(async () => {
        await getText(`${base}/one`, { agent });
        await getText(`${base}/two`, { agent });
        await getText(`${base}/three`, { agent: false });
      });
      await until(() => t.spans().filter((s) => s.kind === 'client').length === 3, 'client spans');
      const clients = t.spans().filter((s) => s.kind === 'client');
      expect(clients.map((c) => c.attributes['url.full'])).toEqual([
        `${base}/one`,
        `${base}/two`,
        `${base}/three`,
      ]);
      expect(received).toEqual(clients.map(traceparent));
    } finally {
      agent.destroy();
    }
  });

  it('gives headers passed as an array (written at once) a span but no header', async () => {
    await inParent(() => getText(`${base}/raw`, { headers: ['x-a', '1'] as never }));
    await until(() => t.spans().some((s) => s.kind === 'client'), 'client span');
    expect(received).toEqual([undefined]);
  });

  it('records connection errors on the span', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await inParent(() => fetch(`http://127.0.0.1:${port}/`).catch(() => undefined));
    await until(() => t.spans().some((s) => s.kind === 'client'), 'client span');
    const client = t.spans().find((s) => s.kind === 'client')!;
    expect(client.status.code).toBe('error');
    expect(client.events.some((e) => e.name === 'exception')).toBe(true);
  });

  it('skips calls without an active span, ignored URLs, and stops when asked', async () => {
    await fetch(`${base}/root`);
    await getText(`${base}/root`);
    await inParent(() => fetch(`${base}/ignored`));
    await inParent(() => getText(`${base}/ignored`));
    expect(received).toEqual([undefined, undefined, undefined, undefined]);
    expect(t.spans().filter((s) => s.kind === 'client')).toEqual([]);
  });
});

describe('the Node 20 path: Agent.prototype.addRequest', () => {
  const addRequest = () => (Agent.prototype as unknown as { addRequest: unknown }).addRequest;

  it('is wrapped only while an instrumentation runs (never where Node has the channel)', () => {
    const original = addRequest();
    const t = createTelemetry();
    const first = instrumentOutgoingRequests({ tracer: t.tracer });
    const second = instrumentOutgoingRequests({ tracer: t.tracer });
    expect(addRequest() !== original).toBe(!NODE_PUBLISHES_REQUEST_CREATED);
    first();
    first();
    expect(addRequest() !== original).toBe(!NODE_PUBLISHES_REQUEST_CREATED);
    second();
    expect(addRequest()).toBe(original);
  });
});

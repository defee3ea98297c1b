import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { instrumentOutgoingRequests } from '../../src/index.js';
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

  it('traces node:http requests (injecting where Node allows it)', async () => {
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
    const major = Number(process.versions.node.split('.')[0]);
    // Node 20 publishes its client channel only after the headers are sent.
    expect(received).toEqual([
      major >= 22
        ? `00-${parent.spanContext.traceId}-${client.spanContext.spanId}-${flags(client)}`
        : undefined,
    ]);
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
    await inParent(() => fetch(`${base}/ignored`));
    expect(received).toEqual([undefined, undefined]);
    expect(t.spans().filter((s) => s.kind === 'client')).toEqual([]);
  });
});

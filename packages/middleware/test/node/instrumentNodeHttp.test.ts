import { createServer, request, type Server } from 'node:http';
import { SpanKind } from '@lexigram/monitor-core';
import { instrumentNodeHttp, setHttpRoute } from '../../src/index.js';
import { close, createTelemetry, listen, until } from '../support/telemetry.js';

describe('instrumentNodeHttp', () => {
  const t = createTelemetry();
  let server: Server;
  let base: string;
  let release: () => void = () => {};

  beforeAll(async () => {
    server = createServer(
      instrumentNodeHttp(
        (req, res) => {
          const path = req.url!.split('?')[0]!;
          if (path.startsWith('/users/')) {
            setHttpRoute(req, '/users/:id');
            res.setHeader('content-length', 2);
            res.end('ok');
          } else if (path === '/boom') {
            res.statusCode = 503;
            res.end('down');
          } else if (path === '/hang') {
            res.writeHead(200);
            res.write('partial');
            release = () => res.end();
          } else if (path === '/stream') {
            // Allow-listed headers are read with getHeader, which sees setHeader (not writeHead's object).
            res.setHeader('x-trace-me', 'yes');
            res.writeHead(200);
            let n = 0;
            const timer = setInterval(() => {
              res.write(`chunk${n}\n`);
              if (++n === 3) {
                clearInterval(timer);
                res.end();
              }
            }, 5);
          } else {
            res.statusCode = 404;
            res.end();
          }
        },
        {
          tracer: t.tracer,
          metricsCollector: t.metricsCollector,
          headers: { response: ['x-trace-me'] },
          ignore: (req) => req.headers['x-skip'] === '1',
        },
      ),
    );
    base = await listen(server);
  });
  afterAll(async () => {
    release();
    await close(server);
  });

  it('records a server span continuing the incoming traceparent, with semconv attributes', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await fetch(`${base}/users/42?x=1`, {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01`, 'user-agent': 'jest-agent' },
    });
    expect(await res.text()).toBe('ok');
    await until(
      () => t.serverSpans().some((s) => s.attributes['url.path'] === '/users/42'),
      'span',
    );
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/users/42')!;
    expect(span.kind).toBe(SpanKind.Server);
    expect(span.name).toBe('GET /users/:id');
    expect(span.spanContext.traceId).toBe(traceId);
    expect(span.parentSpanId).toBe('00f067aa0ba902b7');
    expect(span.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.path': '/users/42',
      'url.scheme': 'http',
      'http.route': '/users/:id',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
      'user_agent.original': 'jest-agent',
      'http.response.body.size': 2,
    });
    expect(span.attributes['error.type']).toBeUndefined();
    expect(await t.requestCount('GET', '/users/:id', 200)).toBe(1);
  });

  it('puts unmatched paths in one bucket and unknown methods in _OTHER', async () => {
    await fetch(`${base}/nope/1`);
    await fetch(`${base}/nope/2`);
    await fetch(`${base}/users/7`, { method: 'PURGE' });
    await until(async () => (await t.requestCount('GET', '_UNMATCHED', 404)) === 2, 'two 404s');
    await until(async () => (await t.requestCount('_OTHER', '/users/:id', 200)) === 1, 'PURGE');
    const purge = t
      .serverSpans()
      .find((s) => s.attributes['http.request.method_original'] === 'PURGE')!;
    expect(purge.attributes['http.request.method']).toBe('_OTHER');
    const series = await t.recordedSeries();
    expect(series.some((s) => s.includes('/nope'))).toBe(false);
  });

  it('marks 5xx as errors with error.type', async () => {
    await fetch(`${base}/boom`);
    await until(() => t.serverSpans().some((s) => s.attributes['url.path'] === '/boom'), 'span');
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/boom')!;
    expect(span.status.code).toBe('error');
    expect(span.attributes['error.type']).toBe('503');
  });

  it('ends streamed responses when the last chunk is written and records allow-listed headers', async () => {
    const res = await fetch(`${base}/stream`);
    expect(await res.text()).toBe('chunk0\nchunk1\nchunk2\n');
    await until(() => t.serverSpans().some((s) => s.attributes['url.path'] === '/stream'), 'span');
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/stream')!;
    expect(span.attributes['http.response.header.x-trace-me']).toBe('yes');
    expect(span.status.code).not.toBe('error');
  });

  it('records an aborted request as an error and decrements active requests', async () => {
    const before = await t.requestCount('GET', '_UNMATCHED', 200);
    await new Promise<void>((resolve) => {
      const req = request(`${base}/hang`, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => {});
      req.end();
    });
    await until(() => t.serverSpans().some((s) => s.attributes['url.path'] === '/hang'), 'span');
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/hang')!;
    expect(span.attributes['error.type']).toBe('aborted');
    expect(span.status.code).toBe('error');
    // Headers went out, so the status label is the real one.
    expect(await t.requestCount('GET', '_UNMATCHED', 200)).toBe(before + 1);
    expect(await t.activeRequests('GET')).toBe(0);
  });

  it('leaves excluded paths and ignored requests out', async () => {
    const before = t.serverSpans().length;
    await fetch(`${base}/metrics`);
    await fetch(`${base}/health`);
    await fetch(`${base}/users/1`, { headers: { 'x-skip': '1' } });
    await fetch(`${base}/users/2`);
    await until(() => t.serverSpans().length === before + 1, 'one span');
    expect(t.serverSpans().at(-1)!.attributes['url.path']).toBe('/users/2');
  });
});

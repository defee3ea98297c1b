import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { instrumentHono } from '../../src/hono/index.js';
import { close, createTelemetry, expectErrorSpan, until } from '../support/telemetry.js';

describe('instrumentHono (real Hono 4 on @hono/node-server)', () => {
  const t = createTelemetry();
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = new Hono();
    instrumentHono(app, { tracer: t.tracer, metricsCollector: t.metricsCollector });
    app.onError((_error, c) => c.text('failed', 500));
    app.get('/books/:isbn', (c) => c.json({ isbn: c.req.param('isbn') }));
    app.get('/fail', () => {
      throw new EvalError('bad');
    });
    app.get('/stream', (c) =>
      stream(c, async (s) => {
        for (let i = 0; i < 3; i++) {
          await s.write(`h${i}`);
          await new Promise((r) => setTimeout(r, 5));
        }
      }),
    );
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(),
      ) as Server;
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => close(server));

  it('labels with the answering route path', async () => {
    expect(await (await fetch(`${base}/books/123`)).json()).toEqual({ isbn: '123' });
    await until(async () => (await t.requestCount('GET', '/books/:isbn', 200)) === 1, 'books');
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/books/123')!;
    expect(span.name).toBe('GET /books/:isbn');
    expect(span.attributes['url.scheme']).toBe('http');
  });

  it('records errors Hono turned into 500s', async () => {
    expect((await fetch(`${base}/fail`)).status).toBe(500);
    await until(async () => (await t.requestCount('GET', '/fail', 500)) === 1, '500');
    expectErrorSpan(t, '/fail', { type: 'EvalError', message: 'bad', file: 'hono.test.ts' });
  });

  it('ends a streamed response when its body is done; 404s are unmatched', async () => {
    expect(await (await fetch(`${base}/stream`)).text()).toBe('h0h1h2');
    await until(async () => (await t.requestCount('GET', '/stream', 200)) === 1, 'stream');
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/stream')!;
    expect(span.attributes['http.response.body.size']).toBe(6);
    expect((await fetch(`${base}/none`)).status).toBe(404);
    await until(async () => (await t.requestCount('GET', '_UNMATCHED', 404)) === 1, '404');
  });
});

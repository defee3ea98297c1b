import { createServer, type Server } from 'node:http';
import { PassThrough } from 'node:stream';
import Router from '@koa/router';
import Koa from 'koa';
import { instrumentKoa } from '../../src/koa/index.js';
import { close, createTelemetry, expectErrorSpan, listen, until } from '../support/telemetry.js';

describe('instrumentKoa (real Koa 3 + @koa/router)', () => {
  const t = createTelemetry();
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = new Koa();
    app.silent = true;
    instrumentKoa(app, {
      tracer: t.tracer,
      metricsCollector: t.metricsCollector,
      exposition: { contentType: () => 'text/plain; version=0.0.4', render: () => 'up 1\n' },
    });
    const router = new Router({ prefix: '/api' });
    router.get('/orders/:id', (ctx) => {
      ctx.body = { id: ctx.params.id };
    });
    router.get('/fail', () => {
      throw new SyntaxError('nope');
    });
    router.get('/stream', (ctx) => {
      const stream = new PassThrough();
      ctx.body = stream;
      let n = 0;
      const timer = setInterval(() => {
        stream.write(`s${n}`);
        if (++n === 3) {
          clearInterval(timer);
          stream.end();
        }
      }, 5);
    });
    app.use(router.routes());
    const callback = app.callback();
    server = createServer((req, res) => void callback(req, res));
    base = await listen(server);
  });
  afterAll(async () => close(server));

  it('labels with ctx._matchedRoute (router prefix included)', async () => {
    expect(await (await fetch(`${base}/api/orders/7`)).json()).toEqual({ id: '7' });
    await until(async () => (await t.requestCount('GET', '/api/orders/:id', 200)) === 1, 'orders');
  });

  it('records thrown errors and keeps Koa answering 500', async () => {
    expect((await fetch(`${base}/api/fail`)).status).toBe(500);
    await until(async () => (await t.requestCount('GET', '/api/fail', 500)) === 1, '500');
    expectErrorSpan(t, '/api/fail', { type: 'SyntaxError', message: 'nope', file: 'koa.test.ts' });
  });

  it('ends streamed bodies at their end, and 404s are unmatched', async () => {
    expect(await (await fetch(`${base}/api/stream`)).text()).toBe('s0s1s2');
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    await until(async () => (await t.requestCount('GET', '/api/stream', 200)) === 1, 'stream');
    await until(async () => (await t.requestCount('GET', '_UNMATCHED', 404)) === 1, '404');
  });

  it('serves /metrics through the exposition contract and leaves it unmeasured', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4');
    expect(await res.text()).toBe('up 1\n');
    expect((await t.recordedSeries()).some((s) => s.includes('metrics'))).toBe(false);
  });
});

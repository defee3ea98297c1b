import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { instrumentFastify } from '../../src/fastify/index.js';
import { createTelemetry, exceptionOf, expectErrorSpan, until } from '../support/telemetry.js';

describe('instrumentFastify (real Fastify 5)', () => {
  const t = createTelemetry();
  let app: FastifyInstance;
  let base: string;
  const pending: (() => void)[] = [];

  beforeAll(async () => {
    app = Fastify();
    instrumentFastify(app, {
      tracer: t.tracer,
      metricsCollector: t.metricsCollector,
      ignore: (req) => req.url === '/ignored',
    });
    app.get('/users/:id', async (req) => ({ id: (req.params as { id: string }).id }));
    app.register(
      async (scope) => {
        scope.get('/items/:sku', async () => 'item');
      },
      { prefix: '/shop' },
    );
    app.get('/fail', async () => {
      throw new RangeError('bad');
    });
    app.get('/invalid', async () => {
      throw Object.assign(new TypeError('quantity must be positive'), { statusCode: 400 });
    });
    app.get('/ignored', async () => 'x');
    app.get('/active-span', async () => ({
      traceId: t.tracer.getCurrentSpan()?.spanContext().traceId,
    }));
    app.get('/slow', (_req, reply) => {
      reply.raw.write('start');
      pending.push(() => reply.raw.end());
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    pending.forEach((f) => f());
    await app.close();
  });

  it('labels with routeOptions.url, including plugin prefixes', async () => {
    expect(await (await fetch(`${base}/users/5`)).json()).toEqual({ id: '5' });
    expect(await (await fetch(`${base}/shop/items/abc`)).text()).toBe('item');
    await until(async () => (await t.requestCount('GET', '/shop/items/:sku', 200)) === 1, 'shop');
    expect(await t.requestCount('GET', '/users/:id', 200)).toBe(1);
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/users/5')!;
    expect(span.name).toBe('GET /users/:id');
  });

  it('runs handlers with the request span active', async () => {
    const body = (await (await fetch(`${base}/active-span`)).json()) as { traceId: string };
    await until(
      () => t.serverSpans().some((s) => s.attributes['url.path'] === '/active-span'),
      'span',
    );
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/active-span')!;
    expect(body.traceId).toBe(span.spanContext.traceId);
  });

  it('records thrown errors with their class as error.type', async () => {
    expect((await fetch(`${base}/fail`)).status).toBe(500);
    await until(async () => (await t.requestCount('GET', '/fail', 500)) === 1, '500');
    expectErrorSpan(t, '/fail', { type: 'RangeError', message: 'bad', file: 'fastify.test.ts' });
  });

  it('records the exception from the onError hook when Fastify answers it with a 4xx', async () => {
    expect((await fetch(`${base}/invalid`)).status).toBe(400);
    await until(async () => (await t.requestCount('GET', '/invalid', 400)) === 1, '400');
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/invalid')!;
    expect(span.attributes['http.response.status_code']).toBe(400);
    expect(span.status).toEqual({ code: 'error', message: 'quantity must be positive' });
    expect(exceptionOf(span)).toMatchObject({
      'exception.type': 'TypeError',
      'exception.message': 'quantity must be positive',
    });
  });

  it('puts 404s in the unmatched bucket and skips ignored requests', async () => {
    expect((await fetch(`${base}/nothing/here`)).status).toBe(404);
    await fetch(`${base}/ignored`);
    await until(async () => (await t.requestCount('GET', '_UNMATCHED', 404)) === 1, '404');
    expect((await t.recordedSeries()).some((s) => s.includes('/ignored'))).toBe(false);
  });

  it('records an aborted request', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${base}/slow`, (res) =>
        res.once('data', () => (req.destroy(), resolve())),
      );
      req.on('error', () => {});
      req.end();
    });
    await until(() => t.serverSpans().some((s) => s.attributes['url.path'] === '/slow'), 'span');
    expect(
      t.serverSpans().find((s) => s.attributes['url.path'] === '/slow')!.attributes['error.type'],
    ).toBe('aborted');
  });
});

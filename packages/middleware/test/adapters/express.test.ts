import { createServer, request, type Server } from 'node:http';
import express from 'express';
import { instrumentExpress } from '../../src/express/index.js';
import {
  close,
  createTelemetry,
  exceptionOf,
  expectErrorSpan,
  listen,
  until,
} from '../support/telemetry.js';

describe('instrumentExpress (real Express 5)', () => {
  const t = createTelemetry();
  let server: Server;
  let base: string;
  const pending: (() => void)[] = [];

  beforeAll(async () => {
    const app = express();
    instrumentExpress(app, {
      tracer: t.tracer,
      metricsCollector: t.metricsCollector,
      health: async () => ({ status: 'healthy', checks: {} }),
    });
    const users = express.Router();
    users.get('/:id', (req, res) => {
      res.json({ id: req.params.id });
    });
    users.get('/:id/fail', () => {
      throw new Error('boom');
    });
    const api = express.Router();
    api.use('/users', users);
    app.use('/api/v1', api);
    app.get('/async-fail', async () => {
      await Promise.resolve();
      throw new TypeError('async boom');
    });
    app.get('/next-error', (_req, _res, next) => {
      next(new RangeError('out of stock'));
    });
    // The app's own error handler answers next(err) errors with a 409.
    app.use(
      (err: Error, _req: express.Request, res: express.Response, next: express.NextFunction) => {
        if (err instanceof RangeError) res.status(409).json({ error: err.message });
        else next(err);
      },
    );
    app.get('/stream', (_req, res) => {
      res.setHeader('content-type', 'text/plain');
      let n = 0;
      const timer = setInterval(() => {
        res.write(`c${n}`);
        if (++n === 3) {
          clearInterval(timer);
          res.end();
        }
      }, 5);
    });
    app.get('/slow', (_req, res) => {
      res.write('start');
      pending.push(() => res.end());
    });
    server = createServer(app);
    base = await listen(server);
  });
  afterAll(async () => {
    pending.forEach((f) => f());
    await close(server);
  });

  it('labels routes of routers mounted under a prefix with the full template', async () => {
    const res = await fetch(`${base}/api/v1/users/42`);
    expect(await res.json()).toEqual({ id: '42' });
    await fetch(`${base}/api/v1/users/43`);
    await until(async () => (await t.requestCount('GET', '/api/v1/users/:id', 200)) === 2, 'two');
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/api/v1/users/42')!;
    expect(span.name).toBe('GET /api/v1/users/:id');
    expect(span.attributes['http.route']).toBe('/api/v1/users/:id');
  });

  it('keeps the full template when a handler in a mounted router throws (500)', async () => {
    const res = await fetch(`${base}/api/v1/users/9/fail`);
    expect(res.status).toBe(500);
    await until(
      async () => (await t.requestCount('GET', '/api/v1/users/:id/fail', 500)) === 1,
      '500',
    );
    expectErrorSpan(t, '/api/v1/users/9/fail', {
      type: 'Error',
      message: 'boom',
      file: 'express.test.ts',
    });
  });

  it('records async rejections as 500 on their route, with the exception event', async () => {
    expect((await fetch(`${base}/async-fail`)).status).toBe(500);
    await until(async () => (await t.requestCount('GET', '/async-fail', 500)) === 1, 'async 500');
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/async-fail')!;
    expect(span.status).toEqual({ code: 'error', message: 'async boom' });
    expect(span.attributes['error.type']).toBe('TypeError');
    expect(exceptionOf(span)).toMatchObject({
      'exception.type': 'TypeError',
      'exception.message': 'async boom',
    });
  });

  it('records an error passed to next(err), also when the app error handler answers it', async () => {
    const res = await fetch(`${base}/next-error`);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: 'out of stock' });
    await until(async () => (await t.requestCount('GET', '/next-error', 409)) === 1, '409');
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/next-error')!;
    expect(span.attributes['http.response.status_code']).toBe(409);
    expect(span.status).toEqual({ code: 'error', message: 'out of stock' });
    expect(span.events.filter((e) => e.name === 'exception')).toHaveLength(1);
    expect(exceptionOf(span)).toMatchObject({
      'exception.type': 'RangeError',
      'exception.message': 'out of stock',
    });
  });

  it('puts 404s in the unmatched bucket', async () => {
    expect((await fetch(`${base}/missing/123`)).status).toBe(404);
    await until(async () => (await t.requestCount('GET', '_UNMATCHED', 404)) === 1, '404');
  });

  it('ends streamed responses after the last chunk', async () => {
    expect(await (await fetch(`${base}/stream`)).text()).toBe('c0c1c2');
    await until(async () => (await t.requestCount('GET', '/stream', 200)) === 1, 'stream');
  });

  it('records an aborted request', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${base}/slow`, (res) =>
        res.once('data', () => (req.destroy(), resolve())),
      );
      req.on('error', () => {});
      req.end();
    });
    await until(
      () => t.serverSpans().some((s) => s.attributes['url.path'] === '/slow'),
      'aborted span',
    );
    const span = t.serverSpans().find((s) => s.attributes['url.path'] === '/slow')!;
    expect(span.attributes['error.type']).toBe('aborted');
    expect(span.attributes['http.route']).toBe('/slow');
  });

  it('serves /health and leaves it out of the metrics', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'healthy' });
    const series = await t.recordedSeries();
    expect(series.some((s) => s.includes('health'))).toBe(false);
  });
});

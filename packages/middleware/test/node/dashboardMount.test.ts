/**
 * The real dashboard (`@lexigram/monitor-dashboard`) mounted at /monitor by each `node:http`
 * adapter: its page, its JSON snapshot fed by the middleware's own metrics, and its requests left
 * out of the measurements.
 */
import { createServer, request, type Server } from 'node:http';
import Koa from 'koa';
import Router from '@koa/router';
import express from 'express';
import Fastify from 'fastify';
import { MonitorConfigError } from '@lexigram/monitor-core';
import { createDashboard, type Dashboard } from '@lexigram/monitor-dashboard';
import { instrumentNodeHttp } from '../../src/index.js';
import { instrumentExpress } from '../../src/express/index.js';
import { instrumentFastify } from '../../src/fastify/index.js';
import { instrumentKoa } from '../../src/koa/index.js';
import { close, createTelemetry, listen } from '../support/telemetry.js';

type Telemetry = ReturnType<typeof createTelemetry>;
type Start = (
  t: Telemetry,
  dashboard: Dashboard,
) => Promise<{ base: string; stop: () => Promise<void> }>;

interface Snapshot {
  requests: { routes: { method: string; route: string; total: number }[] } | null;
  traces: { slowest: { name: string }[] } | null;
}

const ADAPTERS: [string, Start][] = [
  [
    'instrumentNodeHttp',
    async (t, dashboard) => {
      const server = createServer(
        instrumentNodeHttp((_req, res) => res.end('app'), {
          tracer: t.tracer,
          metricsCollector: t.metricsCollector,
          route: (req) => (req.url?.startsWith('/users/') ? '/users/:id' : undefined),
          dashboard,
        }),
      );
      return { base: await listen(server), stop: () => close(server) };
    },
  ],
  [
    'instrumentExpress',
    async (t, dashboard) => {
      const app = express();
      instrumentExpress(app, { tracer: t.tracer, metricsCollector: t.metricsCollector, dashboard });
      app.get('/users/:id', (_req, res) => void res.send('app'));
      const server = createServer(app);
      return { base: await listen(server), stop: () => close(server) };
    },
  ],
  [
    'instrumentFastify',
    async (t, dashboard) => {
      const app = Fastify();
      instrumentFastify(app, { tracer: t.tracer, metricsCollector: t.metricsCollector, dashboard });
      app.get('/users/:id', async () => 'app');
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as { port: number };
      return { base: `http://127.0.0.1:${port}`, stop: () => app.close() };
    },
  ],
  [
    'instrumentKoa',
    async (t, dashboard) => {
      const app = new Koa();
      instrumentKoa(app, { tracer: t.tracer, metricsCollector: t.metricsCollector, dashboard });
      const router = new Router();
      router.get('/users/:id', (ctx) => void (ctx.body = 'app'));
      app.use(router.routes());
      const callback = app.callback();
      const server = createServer((req, res) => void callback(req, res));
      return { base: await listen(server), stop: () => close(server) };
    },
  ],
];

describe.each(ADAPTERS)('the dashboard mounted at /monitor by %s', (_name, start) => {
  const t = createTelemetry();
  let dashboard: Dashboard;
  let base: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    dashboard = createDashboard({
      enabled: true,
      collector: t.metricsCollector,
      recentSpans: t.tracer,
    });
    ({ base, stop } = await start(t, dashboard));
  });
  afterAll(async () => {
    await dashboard.close();
    await stop();
  });

  it('serves the page, redirecting /monitor to /monitor/', async () => {
    const moved = await fetch(`${base}/monitor?x=1`, { redirect: 'manual' });
    expect(moved.status).toBe(308);
    expect(moved.headers.get('location')).toBe('/monitor/?x=1');
    const page = await fetch(`${base}/monitor/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<script src="./app.js"');
  });

  it("shows the middleware's own request figures and traces, and leaves itself out", async () => {
    await fetch(`${base}/users/1`);
    await fetch(`${base}/users/2`);
    const res = await fetch(`${base}/monitor/api/snapshot`);
    expect(res.headers.get('content-type')).toBe('application/json');
    const snapshot = (await res.json()) as Snapshot;
    expect(snapshot.requests!.routes).toEqual([
      expect.objectContaining({ method: 'GET', route: '/users/:id', total: 2 }),
    ]);
    expect(snapshot.traces!.slowest.map((s) => s.name)).toEqual([
      'GET /users/:id',
      'GET /users/:id',
    ]);
    expect(await t.recordedSeries()).toEqual(['GET /users/:id 200']);
    expect(t.serverSpans().map((s) => s.attributes['url.path'])).toEqual(['/users/1', '/users/2']);
  });

  it('streams the live feed from /monitor/events', async () => {
    const first = await new Promise<string>((resolve, reject) => {
      const req = request(`${base}/monitor/events`, (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        res.setEncoding('utf8');
        let text = '';
        res.on('data', (chunk: string) => {
          text += chunk;
          const data = text.indexOf('data: ');
          if (data === -1 || !text.includes('\n\n', data)) return;
          req.destroy();
          resolve(text);
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(first).toMatch(/data: \{"time":/);
  });
});

describe('dashboard mount options', () => {
  it('is off unless given: /monitor is the app', async () => {
    const server: Server = createServer(instrumentNodeHttp((_req, res) => res.end('app')));
    const base = await listen(server);
    try {
      expect(await (await fetch(`${base}/monitor/`)).text()).toBe('app');
    } finally {
      await close(server);
    }
  });

  it('takes another path and a bare handler; rejects bad values naming the field', async () => {
    const server = createServer(
      instrumentNodeHttp((_req, res) => res.end('app'), {
        dashboard: (req, res) => res.end(`dashboard saw ${req.url}`),
        dashboardPath: '/ops/',
      }),
    );
    const base = await listen(server);
    try {
      expect(await (await fetch(`${base}/ops/x?y=1`)).text()).toBe('dashboard saw /x?y=1');
      expect(await (await fetch(`${base}/opsx`)).text()).toBe('app');
    } finally {
      await close(server);
    }
    expect(() => instrumentNodeHttp(() => {}, { dashboard: {} as never })).toThrow(
      MonitorConfigError,
    );
    expect(() => instrumentNodeHttp(() => {}, { dashboard: {} as never })).toThrow(
      /dashboard: must be a \(req, res\) handler/,
    );
    expect(() => instrumentNodeHttp(() => {}, { dashboard: () => {}, dashboardPath: '/' })).toThrow(
      /dashboardPath: must be a path below '\/'/,
    );
  });

  it('answers 500 and reports a fault when the handler fails', async () => {
    const faults: string[] = [];
    const server = createServer(
      instrumentNodeHttp((_req, res) => res.end('app'), {
        dashboard: async () => {
          throw new Error('broken page');
        },
        onError: (fault) => faults.push(fault.code),
      }),
    );
    const base = await listen(server);
    try {
      const res = await fetch(`${base}/monitor/`);
      expect(res.status).toBe(500);
      expect(await res.text()).toBe('dashboard unavailable\n');
      expect(faults).toEqual(['DASHBOARD_HANDLER_FAILED']);
    } finally {
      await close(server);
    }
  });
});

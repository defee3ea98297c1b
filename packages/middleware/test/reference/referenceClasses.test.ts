import { createServer, type RequestListener, type Server } from 'node:http';
import { HealthStatus } from '@lexigram/monitor-core';
import {
  HealthCheckProvider,
  OTelMiddleware,
  PrometheusMiddleware,
  type HealthMapping,
} from '../../src/index.js';
import { close, createTelemetry, listen, until } from '../support/telemetry.js';

describe('the reference classes', () => {
  const servers: Server[] = [];
  afterAll(async () => Promise.all(servers.map(close)));
  const start = async (handler: RequestListener) => {
    const server = createServer(handler);
    servers.push(server);
    return listen(server);
  };

  it('PrometheusMiddleware records requests of a node listener and serves them at its path', async () => {
    const t = createTelemetry();
    const mw = new PrometheusMiddleware((_req, res) => res.end('ok'), {
      path: '/prom',
      metricsCollector: t.metricsCollector,
      exposition: { contentType: () => 'text/plain; version=0.0.4', render: () => 'x 1\n' },
    });
    const base = await start(mw.handler);
    await fetch(`${base}/a`);
    expect(await (await fetch(`${base}/prom`)).text()).toBe('x 1\n');
    await until(async () => (await t.requestCount('GET', '_UNMATCHED', 200)) === 1, 'count');
    expect(mw.path).toBe('/prom');
  });

  it('PrometheusMiddleware wraps a fetch handler too, with the JSON fallback', async () => {
    const t = createTelemetry();
    const mw = new PrometheusMiddleware(async () => new Response('hi'), {
      metricsCollector: t.metricsCollector,
    });
    expect(await (await mw.fetch(new Request('http://x/a'))).text()).toBe('hi');
    const body: any = await (await mw.fetch(new Request('http://x/metrics'))).json();
    expect(body.format).toBe('lexigram-metric-snapshot');
    expect(body.metrics.map((f: { name: string }) => f.name)).toContain(
      'http.server.request.duration',
    );
  });

  it('OTelMiddleware continues the incoming trace', async () => {
    const t = createTelemetry();
    const mw = new OTelMiddleware((_req, res) => res.end('ok'), {
      tracer: t.tracer,
      metricsCollector: t.metricsCollector,
    });
    const base = await start(mw.handler);
    const traceId = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    await fetch(`${base}/x`, { headers: { traceparent: `00-${traceId}-bbbbbbbbbbbbbbbb-01` } });
    await until(() => t.serverSpans().length === 1, 'span');
    expect(t.serverSpans()[0]!.spanContext.traceId).toBe(traceId);
  });

  it('OTelMiddleware with the default no-op observability passes requests through', async () => {
    const mw = new OTelMiddleware(async () => new Response('plain'));
    expect(await (await mw.fetch(new Request('http://x/'))).text()).toBe('plain');
  });

  it('HealthCheckProvider answers its path (200/207/503) and 404s the rest without an app', async () => {
    let mapping: HealthMapping = { status: HealthStatus.Healthy, timestamp: 1 };
    class Health extends HealthCheckProvider {
      override async checkHealth(): Promise<HealthMapping> {
        return mapping;
      }
    }
    const base = await start(new Health({ path: '/ready' }).handler);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    mapping = {
      status: HealthStatus.Degraded,
      timestamp: 2,
      checks: { cache: { status: HealthStatus.Degraded } },
    };
    const degraded = await fetch(`${base}/ready`);
    expect(degraded.status).toBe(207);
    expect(await degraded.json()).toMatchObject({
      status: 'degraded',
      checks: { cache: { status: 'degraded' } },
    });
    mapping = { status: HealthStatus.Unhealthy, timestamp: 3 };
    expect((await fetch(`${base}/ready`)).status).toBe(503);
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });

  it('HealthCheckProvider forwards to the app, and a throwing checkHealth is a 503', async () => {
    const faults: string[] = [];
    class Broken extends HealthCheckProvider {
      override async checkHealth(): Promise<HealthMapping> {
        throw new Error('db gone');
      }
    }
    const provider = new Broken({
      app: async () => new Response('app'),
      onError: (f) => faults.push(f.code),
    });
    expect(await (await provider.fetch(new Request('http://x/users'))).text()).toBe('app');
    expect((await provider.fetch(new Request('http://x/health'))).status).toBe(503);
    expect(faults).toEqual(['HEALTH_CHECK_FAILED']);
  });
});

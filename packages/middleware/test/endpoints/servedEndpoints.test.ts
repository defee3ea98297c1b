import { createServer, type Server } from 'node:http';
import { HealthCheckRegistry } from '@lexigram/monitor-health';
import { instrumentNodeHttp } from '../../src/index.js';
import { close, createTelemetry, listen } from '../support/telemetry.js';

describe('served endpoints over real HTTP with a real HealthCheckRegistry', () => {
  const t = createTelemetry();
  let server: Server;
  let base: string;
  let dbUp = true;

  beforeAll(async () => {
    const health = new HealthCheckRegistry();
    health.add(
      'db',
      async () => (dbUp ? true : { status: 'unhealthy', message: 'connection refused' }),
      {
        category: 'readiness',
      },
    );
    health.add('loop', async () => true, { category: 'liveness' });
    server = createServer(
      instrumentNodeHttp((_req, res) => res.end('app'), {
        tracer: t.tracer,
        metricsCollector: t.metricsCollector,
        health,
      }),
    );
    base = await listen(server);
  });
  afterAll(async () => close(server));

  it('answers readiness 200 then 503 with details hidden, liveness unaffected', async () => {
    const ok = await fetch(`${base}/health/ready`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    dbUp = false;
    const down = await fetch(`${base}/health/ready`);
    expect(down.status).toBe(503);
    const body = (await down.json()) as { checks: Record<string, unknown> };
    expect(body.checks).toEqual({ db: { status: 'unhealthy' } });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect((await fetch(`${base}/health`)).status).toBe(503);
    dbUp = true;
  });

  it('serves Kubernetes text for ?verbose and health+json by Accept', async () => {
    const text = await fetch(`${base}/health/live?verbose`);
    expect(await text.text()).toBe('[+]loop ok\nlive check passed\n');
    const ietf = await fetch(`${base}/health`, { headers: { accept: 'application/health+json' } });
    expect(ietf.headers.get('content-type')).toBe('application/health+json');
    expect(await ietf.json()).toMatchObject({ status: 'pass' });
  });

  it('serves the JSON snapshot at /metrics and never measures its own endpoints', async () => {
    await fetch(`${base}/app`);
    const res = await fetch(`${base}/metrics`);
    const body = (await res.json()) as { note: string; metrics: { name: string }[] };
    expect(body.note).toMatch(/snapshot as JSON/);
    expect(body.metrics.map((f) => f.name)).toContain('http.server.request.duration');
    expect(await t.recordedSeries()).toEqual(['GET _UNMATCHED 200']);
    expect(t.serverSpans().map((s) => s.attributes['url.path'])).toEqual(['/app']);
  });
});

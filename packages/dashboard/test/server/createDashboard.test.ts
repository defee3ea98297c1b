import { request as httpRequest, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  MonitorConfigError,
  type HealthProbesProtocol,
  type MonitorFault,
} from '@lexigram/monitor-core';
import { createDashboard, type Dashboard, type DashboardOptions } from '../../src/index.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, method = 'GET', headers: Record<string, string> = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('createDashboard', () => {
  let server: Server | undefined;
  let dashboard: Dashboard | undefined;
  let port: number;

  async function start(options: DashboardOptions): Promise<Dashboard> {
    const created = createDashboard(options);
    dashboard = created;
    server = createServer((req, res) => void created.handler(req, res));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    return created;
  }

  afterEach(async () => {
    await dashboard?.close();
    const closing = server;
    server = undefined;
    dashboard = undefined;
    if (closing) {
      closing.closeAllConnections();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    }
  });

  it('is off unless enabled: 404 for everything', async () => {
    const created = await start({});
    expect(created.enabled).toBe(false);
    expect((await get(port, '/')).status).toBe(404);
    expect((await get(port, '/api/snapshot')).status).toBe(404);
  });

  it('is read-only and sends a strict CSP on every answer', async () => {
    await start({ enabled: true });
    const post = await get(port, '/api/snapshot', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-frame-options']).toBe('DENY');
    // No inline script or style in the page: only the bundled files, by relative URL.
    expect(page.body).toContain('<script src="./app.js" defer></script>');
    expect(page.body).not.toMatch(/<script>|<style>|style="/);
  });

  it('strips basePath and redirects the bare mount path to its trailing slash', async () => {
    await start({ enabled: true, basePath: '/monitor/' });
    const bare = await get(port, '/monitor?x=1');
    expect(bare.status).toBe(308);
    expect(bare.headers['location']).toBe('/monitor/?x=1');
    expect((await get(port, '/monitor/')).status).toBe(200);
    expect((await get(port, '/monitor/api/traces/zzz')).status).toBe(400);
    expect((await get(port, '/monitor/nothing')).status).toBe(404);
  });

  it('refuses a client the authorize hook turns down, page and feed alike', async () => {
    await start({ enabled: true, authorize: (req) => req.headers['x-user'] === 'ops' });
    expect((await get(port, '/')).status).toBe(403);
    expect((await get(port, '/events')).status).toBe(403);
    expect((await get(port, '/api/snapshot')).status).toBe(403);
    expect((await get(port, '/', 'GET', { 'x-user': 'ops' })).status).toBe(200);
  });

  it('redacts health details and reports a failing source as a fault, not an error page', async () => {
    const faults: MonitorFault[] = [];
    const report = {
      status: 'unhealthy' as const,
      checks: {
        db: {
          status: 'unhealthy' as const,
          message: 'down',
          details: { host: 'db1', password: 'hunter2' },
          durationMs: 1,
          timestamp: 0,
        },
      },
    };
    const health: HealthProbesProtocol = {
      runAll: async () => report,
      runLiveness: async () => report,
      runReadiness: async () => report,
      runStartup: async () => report,
    };
    const created = await start({
      enabled: true,
      health,
      collector: {
        collect: async () => {
          throw new Error('collector broke');
        },
      },
      faultCounts: () => new Map([['SPANS_DROPPED', 3]]),
      onError: (fault) => faults.push(fault),
    });
    await created.snapshot(); // the first snapshot starts the health run
    const snapshot = JSON.parse((await get(port, '/api/snapshot')).body);
    expect(snapshot.requests).toBeNull();
    expect(snapshot.health.checks).toEqual([
      expect.objectContaining({
        name: 'db',
        status: 'unhealthy',
        details: { host: 'db1', password: '[REDACTED]' },
      }),
    ]);
    expect(snapshot.faults).toEqual([{ code: 'SPANS_DROPPED', count: 3 }]);
    expect(faults.map((f) => [f.code, f.details?.['source']])).toContainEqual([
      'DASHBOARD_SOURCE_FAILED',
      'metrics',
    ]);
  });

  it('validates its options, naming every bad field', () => {
    let error: unknown;
    try {
      createDashboard({ intervalMs: 5, token: 'short', basePath: 'monitor' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MonitorConfigError);
    const paths = (error as MonitorConfigError).fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['intervalMs', 'token', 'basePath']));
  });
});

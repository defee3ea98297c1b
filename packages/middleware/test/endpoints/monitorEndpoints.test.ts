import {
  HealthStatus,
  MonitorConfigError,
  type HealthProbesProtocol,
  type HealthReport,
} from '@lexigram/monitor-core';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import { MonitorEndpoints } from '../../src/index.js';

const check = (status: HealthStatus, message?: string) => ({
  status,
  message,
  durationMs: 1,
  timestamp: 1_700_000_000_000,
});

function probes(
  reports: Partial<Record<'all' | 'live' | 'ready' | 'startup', HealthReport>>,
): HealthProbesProtocol {
  const healthy: HealthReport = { status: HealthStatus.Healthy, checks: {} };
  return {
    runAll: async () => reports.all ?? healthy,
    runLiveness: async () => reports.live ?? healthy,
    runReadiness: async () => reports.ready ?? healthy,
    runStartup: async () => reports.startup ?? healthy,
  };
}

describe('MonitorEndpoints', () => {
  it('serves /metrics through the exposition, passing the Accept header', async () => {
    const seen: (string | undefined)[] = [];
    const endpoints = new MonitorEndpoints({
      exposition: {
        contentType: (accept) =>
          accept?.includes('openmetrics') ? 'application/openmetrics-text' : 'text/plain',
        render: (accept) => {
          seen.push(accept);
          return '# EOF\n';
        },
      },
    });
    expect(endpoints.match('GET', '/metrics')).toBe('metrics');
    expect(endpoints.match('POST', '/metrics')).toBeUndefined();
    const res = await endpoints.respond('metrics', 'application/openmetrics-text', '');
    expect(res).toEqual({
      statusCode: 200,
      contentType: 'application/openmetrics-text',
      body: '# EOF\n',
    });
    expect(seen).toEqual(['application/openmetrics-text']);
  });

  it('falls back to the collector snapshot as JSON and says so', async () => {
    const collector = new MetricsCollector();
    collector.increment('orders_total', 3);
    const res = await new MonitorEndpoints({ metricsCollector: collector }).respond(
      'metrics',
      undefined,
      '',
    );
    expect(res.contentType).toMatch(/^application\/json/);
    const body = JSON.parse(res.body);
    expect(body.format).toBe('lexigram-metric-snapshot');
    expect(body.note).toMatch(/No metrics exposition is configured/);
    expect(
      body.metrics.find((f: { name: string }) => f.name === 'orders_total').series[0].value,
    ).toBe(3);
  });

  it('answers 500 and reports a fault when the exposition throws', async () => {
    const faults: string[] = [];
    const endpoints = new MonitorEndpoints({
      exposition: { contentType: () => 'text/plain', render: () => Promise.reject(new Error('x')) },
      onError: (f) => faults.push(f.code),
    });
    expect((await endpoints.respond('metrics', undefined, '')).statusCode).toBe(500);
    expect(faults).toEqual(['METRICS_RENDER_FAILED']);
  });

  it('maps 200 / 207 / 503 and the probes to their paths', async () => {
    const endpoints = new MonitorEndpoints({
      health: probes({
        all: {
          status: HealthStatus.Degraded,
          checks: { cache: check(HealthStatus.Degraded, 'slow') },
        },
        live: { status: HealthStatus.Healthy, checks: {} },
        ready: {
          status: HealthStatus.Unhealthy,
          checks: { db: check(HealthStatus.Unhealthy, 'refused') },
        },
      }),
    });
    expect(endpoints.match('GET', '/health/ready')).toBe('ready');
    expect((await endpoints.respond('health', undefined, '')).statusCode).toBe(207);
    expect((await endpoints.respond('live', undefined, '')).statusCode).toBe(200);
    expect((await endpoints.respond('startup', undefined, '')).statusCode).toBe(200);
    const ready = await endpoints.respond('ready', undefined, '');
    expect(ready.statusCode).toBe(503);
    // Details hidden by default.
    expect(JSON.parse(ready.body)).toEqual({
      status: 'unhealthy',
      timestamp: 1_700_000_000_000,
      checks: { db: { status: 'unhealthy' } },
    });
  });

  it('chooses the format by Accept and ?verbose, showing details only when enabled', async () => {
    const report: HealthReport = {
      status: HealthStatus.Unhealthy,
      checks: { db: check(HealthStatus.Unhealthy, 'refused') },
    };
    const hidden = new MonitorEndpoints({ health: async () => report });
    const shown = new MonitorEndpoints({
      health: async () => report,
      includeDetails: true,
      healthJson: { version: '1.2.3' },
    });
    const ietf = await shown.respond('health', 'application/health+json', '');
    expect(ietf.contentType).toBe('application/health+json');
    expect(JSON.parse(ietf.body)).toMatchObject({
      status: 'fail',
      version: '1.2.3',
      output: 'db: refused',
    });
    const text = await shown.respond('ready', undefined, 'verbose');
    expect(text.contentType).toMatch(/^text\/plain/);
    expect(text.body).toBe('[-]db failed: refused\nready check failed\n');
    expect((await hidden.respond('ready', '*/*', 'verbose')).body).toBe(
      '[-]db failed: reason withheld\nready check failed\n',
    );
    expect((await shown.respond('ready', 'application/json', 'verbose')).contentType).toMatch(
      /json/,
    );
  });

  it('answers 503 when the health source throws', async () => {
    const faults: string[] = [];
    const endpoints = new MonitorEndpoints({
      health: () => Promise.reject(new Error('down')),
      onError: (f) => faults.push(f.code),
    });
    expect((await endpoints.respond('health', undefined, '')).statusCode).toBe(503);
    expect(faults).toEqual(['HEALTH_RUN_FAILED']);
  });

  it('serves nothing without sources, honours custom paths, and rejects bad ones', () => {
    expect(new MonitorEndpoints().match('GET', '/metrics')).toBeUndefined();
    const custom = new MonitorEndpoints({
      health: async () => ({ status: HealthStatus.Healthy, checks: {} }),
      healthPath: '/status',
    });
    expect(custom.match('GET', '/status/live')).toBe('live');
    expect(custom.match('GET', '/health')).toBeUndefined();
    expect(() => new MonitorEndpoints({ metricsPath: 'metrics' })).toThrow(MonitorConfigError);
    expect(() => new MonitorEndpoints({ metricsPath: 'metrics' })).toThrow(/metricsPath/);
  });
});

import { AlertmanagerAlertDispatcher } from '../../src/index.js';
import { capturePinoLogger as captureLogger } from '@lexigram/test-support';
import { startRecordingServer, type RecordingServer } from '../support/recordingServer.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(async () => {
  await server.close();
});

function alertmanager(
  extra: Partial<ConstructorParameters<typeof AlertmanagerAlertDispatcher>[0]> = {},
) {
  const { logger } = captureLogger();
  return new AlertmanagerAlertDispatcher({
    url: `${server.url}/`,
    logger,
    clock: () => Date.parse('2024-05-01T12:00:00Z'),
    initialBackoffMs: 1,
    maxBackoffMs: 5,
    maxRetryAfterMs: 5,
    ...extra,
  });
}

describe('AlertmanagerAlertDispatcher', () => {
  it('POSTs a postable-alerts array to /api/v2/alerts', async () => {
    const dispatcher = alertmanager({
      labels: { service: 'checkout', env: 'prod' },
      generatorUrl: 'https://grafana/d/slo',
      alertTtlMs: 600_000,
    });
    await dispatcher.sendAlert('SLO checkout: page (page-1h)', 'burning at 16x', 'critical', {
      slo: 'checkout',
      rule: 'page-1h',
      longBurnRate: 16.9,
      'window.ms': 3_600_000,
      message: 'ignored duplicate of the description',
    });
    await dispatcher.flush();
    const [request] = server.requests;
    expect(request!.path).toBe('/api/v2/alerts');
    expect(request!.json).toEqual([
      {
        labels: {
          service: 'checkout',
          env: 'prod',
          alertname: 'SLO checkout: page (page-1h)',
          severity: 'critical',
          slo: 'checkout',
          rule: 'page-1h',
        },
        annotations: {
          summary: 'SLO checkout: page (page-1h)',
          description: 'burning at 16x',
          longBurnRate: '16.9',
          window_ms: '3600000',
        },
        startsAt: '2024-05-01T12:00:00.000Z',
        endsAt: '2024-05-01T12:10:00.000Z',
        generatorURL: 'https://grafana/d/slo',
      },
    ]);
  });

  it('labels metric alerts with the metric and annotates value and threshold', async () => {
    const dispatcher = alertmanager({ url: `${server.url}/api/v2/alerts` });
    await dispatcher.sendMetricAlert('http.ms', 450, 200, { slo: 'api.p99', percentile: 0.99 });
    await dispatcher.flush();
    const [alert] = server.requests[0]!.json;
    expect(server.requests[0]!.path).toBe('/api/v2/alerts');
    expect(alert.labels).toEqual({
      alertname: 'SLO api.p99 violated (http.ms)',
      severity: 'high',
      metric: 'http.ms',
      slo: 'api.p99',
    });
    expect(alert.annotations).toMatchObject({
      percentile: '0.99',
      current_value: '450',
      threshold: '200',
    });
    expect(alert.endsAt).toBeUndefined();
    expect(alert.generatorURL).toBeUndefined();
  });

  it('retries when Alertmanager is unavailable', async () => {
    server.respondWith({ status: 503 });
    const dispatcher = alertmanager();
    await dispatcher.sendAlert('a', 'b', 'low');
    await dispatcher.flush();
    expect(server.requests).toHaveLength(2);
    expect(dispatcher.stats.delivered).toBe(1);
  });

  it('rejects invalid label names and a bad TTL', () => {
    expect(() => alertmanager({ labels: { 'bad-name': 'x' } })).toThrow(
      /labels\.bad-name: is not a valid label name/,
    );
    expect(() => alertmanager({ alertTtlMs: 0 })).toThrow(/alertTtlMs/);
  });
});

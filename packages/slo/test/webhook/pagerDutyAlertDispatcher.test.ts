import { PAGERDUTY_EVENTS_URL, PagerDutyAlertDispatcher } from '../../src/index.js';
import {
  pagerDutyDedupKey,
  pagerDutySeverity,
} from '../../src/webhook/pagerDutyAlertDispatcher.js';
import { capturePinoLogger as captureLogger } from '@lexigram/test-support';
import { startRecordingServer, type RecordingServer } from '../support/recordingServer.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
  // PagerDuty answers 202 Accepted.
  server.fallback = {
    status: 202,
    headers: { 'content-type': 'application/json' },
    body: '{"status":"success","message":"Event processed"}',
  };
});
afterEach(async () => {
  await server.close();
});

function pagerDuty(extra: Partial<ConstructorParameters<typeof PagerDutyAlertDispatcher>[0]> = {}) {
  let now = Date.parse('2024-05-01T12:00:00Z');
  const { logger } = captureLogger();
  const dispatcher = new PagerDutyAlertDispatcher({
    routingKey: 'R0UT1NGKEY',
    url: `${server.url}/v2/enqueue`,
    source: 'checkout-1',
    logger,
    clock: () => now,
    initialBackoffMs: 1,
    maxBackoffMs: 5,
    maxRetryAfterMs: 5,
    ...extra,
  });
  return { dispatcher, advance: (ms: number) => void (now += ms) };
}

describe('PagerDutyAlertDispatcher', () => {
  it('sends an Events API v2 trigger with a dedup_key', async () => {
    const { dispatcher } = pagerDuty({
      component: 'api',
      group: 'prod',
      clientUrl: 'https://grafana/x',
    });
    await dispatcher.sendAlert('SLO checkout: page (page-1h)', 'burning at 16x', 'critical', {
      slo: 'checkout',
      longBurnRate: 16.9,
    });
    await dispatcher.flush();
    const [request] = server.requests;
    expect(request!.path).toBe('/v2/enqueue');
    expect(request!.json).toEqual({
      routing_key: 'R0UT1NGKEY',
      event_action: 'trigger',
      dedup_key: 'alert|SLO checkout: page (page-1h)|critical',
      payload: {
        summary: 'SLO checkout: page (page-1h): burning at 16x',
        source: 'checkout-1',
        severity: 'critical',
        timestamp: '2024-05-01T12:00:00.000Z',
        component: 'api',
        group: 'prod',
        class: 'slo',
        custom_details: {
          slo: 'checkout',
          longBurnRate: 16.9,
          message: 'burning at 16x',
          severity: 'critical',
        },
      },
      client: 'Lexigram Monitor',
      client_url: 'https://grafana/x',
    });
    expect(dispatcher.stats.delivered).toBe(1);
  });

  it('sends the same dedup_key for repeats, so PagerDuty folds them into one incident', async () => {
    const { dispatcher, advance } = pagerDuty({ dedupWindowMs: 1000 });
    await dispatcher.sendMetricAlert('queue.depth', 250, 100, { env: 'prod' });
    advance(2000);
    await dispatcher.sendMetricAlert('queue.depth', 300, 100, { env: 'prod' });
    await dispatcher.flush();
    expect(server.requests).toHaveLength(2);
    const [a, b] = server.requests.map((r) => r.json);
    expect(a.dedup_key).toBe(b.dedup_key);
    expect(a.payload).toMatchObject({
      severity: 'error',
      class: 'metric threshold',
      custom_details: {
        env: 'prod',
        metric_name: 'queue.depth',
        current_value: 250,
        threshold: 100,
      },
    });
    expect(b.payload.custom_details.current_value).toBe(300);
  });

  it('retries when PagerDuty rate-limits', async () => {
    server.respondWith({ status: 429 }, { status: 500 });
    const { dispatcher } = pagerDuty();
    await dispatcher.sendAlert('t', 'm', 'low');
    await dispatcher.flush();
    expect(server.requests).toHaveLength(3);
    expect(server.requests[2]!.json.payload.severity).toBe('info');
    expect(dispatcher.stats).toMatchObject({ delivered: 1, retries: 2 });
  });

  it('keeps summary and dedup_key within the API limits', async () => {
    const { dispatcher } = pagerDuty();
    await dispatcher.sendAlert('T'.repeat(300), 'm'.repeat(2000), 'medium');
    await dispatcher.flush();
    const body = server.requests[0]!.json;
    expect(body.payload.summary).toHaveLength(1024);
    expect(body.dedup_key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('maps severities to the four PagerDuty knows', () => {
    expect(
      ['critical', 'high', 'error', 'medium', 'warning', 'low', 'info', 'odd'].map(
        pagerDutySeverity,
      ),
    ).toEqual(['critical', 'error', 'error', 'warning', 'warning', 'info', 'info', 'warning']);
    expect(pagerDutyDedupKey('short')).toBe('short');
    expect(pagerDutyDedupKey('x'.repeat(256))).toHaveLength(64);
  });

  it('defaults to the public Events API endpoint and needs a routing key', () => {
    expect(PAGERDUTY_EVENTS_URL).toBe('https://events.pagerduty.com/v2/enqueue');
    expect(() => new PagerDutyAlertDispatcher({ routingKey: '' })).toThrow(/routingKey/);
    expect(
      () => new PagerDutyAlertDispatcher({ routingKey: 'k', logging: { enabled: false } }),
    ).not.toThrow();
  });
});

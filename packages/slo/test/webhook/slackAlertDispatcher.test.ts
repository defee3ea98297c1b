import { createHookBus } from '@lexigram/monitor-core';
import { SLOMonitor, SlackAlertDispatcher } from '../../src/index.js';
import { capturePinoLogger as captureLogger } from '@lexigram/test-support';
import { startRecordingServer, type RecordingServer } from '../support/recordingServer.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(async () => {
  await server.close();
});

function slack(extra: Partial<ConstructorParameters<typeof SlackAlertDispatcher>[0]> = {}) {
  const { logger } = captureLogger();
  return new SlackAlertDispatcher({
    webhookUrl: `${server.url}/services/T000/B000/XXXX`,
    logger,
    initialBackoffMs: 1,
    maxBackoffMs: 5,
    maxRetryAfterMs: 5,
    ...extra,
  });
}

describe('SlackAlertDispatcher', () => {
  it('posts an incoming-webhook message: text fallback and Block Kit blocks', async () => {
    const dispatcher = slack();
    await dispatcher.sendAlert('Checkout errors', 'Error rate 5 % > 1 %', 'critical', {
      service: 'checkout',
      ratio: 0.0512345,
    });
    await dispatcher.flush();
    const [request] = server.requests;
    expect(request!.path).toBe('/services/T000/B000/XXXX');
    const body = request!.json;
    expect(body.text).toBe(':fire: [CRITICAL] Checkout errors: Error rate 5 % > 1 %');
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Checkout errors', emoji: true },
    });
    expect(body.blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: ':fire: Error rate 5 % &gt; 1 %' },
    });
    expect(body.blocks[2].fields).toEqual([
      { type: 'mrkdwn', text: '*Severity*\ncritical' },
      { type: 'mrkdwn', text: '*service*\ncheckout' },
      { type: 'mrkdwn', text: '*ratio*\n0.0512' },
    ]);
    expect(body.blocks[3].type).toBe('context');
    expect(body.channel).toBeUndefined();
  });

  it('adds metric fields to a metric alert', async () => {
    const dispatcher = slack();
    await dispatcher.sendMetricAlert('queue.depth', 250, 100);
    await dispatcher.flush();
    const body = server.requests[0]!.json;
    expect(body.text).toBe(
      ':rotating_light: [HIGH] Metric queue.depth breached its threshold: queue.depth is 250, threshold 100',
    );
    expect(body.blocks[2].fields.map((f: { text: string }) => f.text)).toEqual([
      '*Severity*\nhigh',
      '*Metric*\nqueue.depth',
      '*Value / threshold*\n250 / 100',
    ]);
  });

  it('keeps within Block Kit limits and passes legacy overrides', async () => {
    const dispatcher = slack({ channel: '#ops', username: 'monitor', iconEmoji: ':robot_face:' });
    const context = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    await dispatcher.sendAlert('T'.repeat(300), 'm'.repeat(5000), 'low', context);
    await dispatcher.flush();
    const body = server.requests[0]!.json;
    expect(body.blocks[0].text.text).toHaveLength(150);
    expect(body.blocks[1].text.text.length).toBeLessThanOrEqual(3000);
    expect(body.blocks[2].fields).toHaveLength(10);
    expect(body).toMatchObject({
      channel: '#ops',
      username: 'monitor',
      icon_emoji: ':robot_face:',
    });
  });

  it('needs a valid webhook URL', () => {
    expect(() => new SlackAlertDispatcher({ webhookUrl: 'not a url' })).toThrow(
      /webhookUrl: must be an absolute http/,
    );
  });

  it('receives SLO violations end to end from an SLOMonitor', async () => {
    const dispatcher = slack();
    const { logger } = captureLogger();
    const monitor = new SLOMonitor({ dispatcher, logger, hooks: createHookBus() });
    monitor.register({ name: 'api.p99', metric: 'http.ms', percentile: 0.99, thresholdMs: 200 });
    for (let i = 0; i < 100; i++) monitor.recordSample('http.ms', 450);
    await monitor.evaluate();
    await monitor.evaluate(); // the repeat is de-duplicated
    await dispatcher.flush();
    expect(server.requests).toHaveLength(1);
    const body = server.requests[0]!.json;
    expect(body.text).toMatch(
      /^:rotating_light: \[HIGH\] SLO api\.p99 violated \(http\.ms\): SLO api\.p99 violated: p99 of http\.ms is 450 ms/,
    );
    expect(dispatcher.stats).toMatchObject({ delivered: 1, deduplicated: 1 });
  });
});

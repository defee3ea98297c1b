import { MonitorConfigError } from '@lexigram/monitor-core';
import {
  WebhookAlertDispatcher,
  type AlertRecord,
  type WebhookDispatcherOptions,
} from '../../src/index.js';
import { capturePinoLogger as captureLogger } from '@lexigram/test-support';
import { startRecordingServer, type RecordingServer } from '../support/recordingServer.js';

/** The smallest concrete dispatcher: posts the title and severity. */
class TestDispatcher extends WebhookAlertDispatcher {
  constructor(url: string, options: WebhookDispatcherOptions = {}) {
    super('test', url, 'url', options);
  }

  protected buildBody(alert: AlertRecord): unknown {
    return { title: alert.title, severity: alert.severity, kind: alert.kind };
  }
}

// Tiny backoffs keep the retry tests fast.
const FAST = { initialBackoffMs: 1, maxBackoffMs: 5, maxRetryAfterMs: 5 };

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(async () => {
  await server.close();
});

function setup(options: WebhookDispatcherOptions = {}, url = `${server.url}/hook/secret-token`) {
  let now = 1_000_000;
  const { logger, records } = captureLogger();
  const dispatcher = new TestDispatcher(url, { logger, clock: () => now, ...FAST, ...options });
  return {
    dispatcher,
    records,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const titles = () => server.requests.map((r) => (r.json as { title: string }).title);

describe('WebhookAlertDispatcher', () => {
  it('POSTs the JSON body with its headers', async () => {
    const { dispatcher } = setup({ headers: { authorization: 'Bearer t' } });
    await dispatcher.sendAlert('Disk full', 'm', 'high');
    await dispatcher.flush();
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/hook/secret-token' });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers.authorization).toBe('Bearer t');
    expect(request!.json).toEqual({ title: 'Disk full', severity: 'high', kind: 'alert' });
    expect(dispatcher.stats).toMatchObject({ accepted: 1, delivered: 1, failed: 0, queued: 0 });
  });

  it('resolves sendAlert without waiting for the network', async () => {
    server.fallback = { status: 200, delayMs: 300 };
    const { dispatcher } = setup();
    await dispatcher.sendAlert('slow', 'm', 'low');
    expect(dispatcher.stats.delivered).toBe(0);
    await dispatcher.flush();
    expect(dispatcher.stats.delivered).toBe(1);
  });

  it('retries a 500 and delivers', async () => {
    server.respondWith({ status: 500, body: 'oops' }, { status: 503 });
    const { dispatcher } = setup();
    await dispatcher.sendAlert('a', 'm', 'high');
    await dispatcher.flush();
    expect(server.requests).toHaveLength(3);
    expect(dispatcher.stats).toMatchObject({ delivered: 1, retries: 2, failed: 0 });
  });

  it('retries a 429 after the Retry-After the server asks for (capped)', async () => {
    server.respondWith({ status: 429, headers: { 'retry-after': '1' } });
    const { dispatcher } = setup({ maxRetryAfterMs: 150 });
    await dispatcher.sendAlert('a', 'm', 'high');
    await dispatcher.flush();
    expect(server.requests).toHaveLength(2);
    const gap = server.requests[1]!.receivedAt - server.requests[0]!.receivedAt;
    expect(gap).toBeGreaterThanOrEqual(140);
    expect(dispatcher.stats).toMatchObject({ delivered: 1, retries: 1 });
  });

  it('gives up after maxRetries, logs without the secret URL path, and never throws', async () => {
    server.fallback = { status: 500, body: 'still broken' };
    const { dispatcher, records } = setup({ maxRetries: 2 });
    await expect(dispatcher.sendAlert('a', 'm', 'high')).resolves.toBeUndefined();
    await dispatcher.flush();
    expect(server.requests).toHaveLength(3);
    expect(dispatcher.stats).toMatchObject({ delivered: 0, failed: 1, retries: 2 });
    const failure = records().find((r) => r.msg === 'alert delivery failed');
    expect(failure).toMatchObject({
      level: 'error',
      destination: 'test',
      alert: 'a',
      attempts: 3,
      reason: 'HTTP 500: still broken',
    });
    expect(JSON.stringify(records())).not.toContain('secret-token');
  });

  it('lets a repeat of an alert that failed through the de-duplication window', async () => {
    server.respondWith({ status: 400 });
    const { dispatcher } = setup();
    await dispatcher.sendAlert('a', 'm', 'high');
    await dispatcher.flush();
    await dispatcher.sendAlert('a', 'm', 'high');
    await dispatcher.flush();
    expect(server.requests).toHaveLength(2);
    expect(dispatcher.stats).toMatchObject({ failed: 1, delivered: 1, deduplicated: 0 });
  });

  it('does not retry a 4xx other than 408 and 429', async () => {
    server.respondWith({ status: 400, body: 'invalid_payload' });
    const { dispatcher, records } = setup();
    await dispatcher.sendAlert('a', 'm', 'high');
    await dispatcher.flush();
    expect(server.requests).toHaveLength(1);
    expect(dispatcher.stats).toMatchObject({ failed: 1, retries: 0 });
    expect(records().at(-1)).toMatchObject({ reason: 'HTTP 400: invalid_payload', attempts: 1 });
  });

  it('times out a hanging destination', async () => {
    server.fallback = { status: 200, delayMs: 2000 };
    const { dispatcher, records } = setup({ timeoutMs: 50, maxRetries: 1 });
    await dispatcher.sendAlert('a', 'm', 'high');
    await dispatcher.flush();
    // Counted by the dispatcher: on a loaded machine the server may not have parsed an aborted
    // attempt's request yet when the client gives up on it.
    expect(dispatcher.stats).toMatchObject({ failed: 1, retries: 1 });
    expect(records().at(-1)).toMatchObject({ reason: 'timed out after 50 ms', attempts: 2 });
  });

  it('survives a destination that refuses connections', async () => {
    const closed = await startRecordingServer();
    const url = closed.url;
    await closed.close();
    const { dispatcher, records } = setup({ maxRetries: 1 }, url);
    await expect(dispatcher.sendAlert('a', 'm', 'high')).resolves.toBeUndefined();
    await dispatcher.flush();
    expect(dispatcher.stats).toMatchObject({ failed: 1, retries: 1 });
    expect(String(records().at(-1)!.reason)).toMatch(/fetch failed|ECONNREFUSED/);
  });

  it('drops repeats of an alert inside the de-duplication window', async () => {
    const { dispatcher, advance } = setup({ dedupWindowMs: 60_000 });
    await dispatcher.sendAlert('a', 'first', 'high');
    await dispatcher.sendAlert('a', 'second, same alert', 'high');
    await dispatcher.sendAlert('a', 'escalated', 'critical');
    await dispatcher.sendMetricAlert('lat', 500, 100);
    await dispatcher.sendMetricAlert('lat', 600, 100);
    advance(60_000);
    await dispatcher.sendAlert('a', 'after the window', 'high');
    await dispatcher.flush();
    expect(server.requests.map((r) => (r.json as { severity: string }).severity)).toEqual([
      'high',
      'critical',
      'high',
      'high',
    ]);
    expect(dispatcher.stats.deduplicated).toBe(2);
  });

  it('takes a custom de-duplication key', async () => {
    const { dispatcher } = setup({ dedupKey: (alert) => alert.kind });
    await dispatcher.sendAlert('a', 'm', 'high');
    await dispatcher.sendAlert('b', 'm', 'low');
    await dispatcher.flush();
    expect(titles()).toEqual(['a']);
  });

  it('rate-limits per destination', async () => {
    const { dispatcher, advance, records } = setup({ rateLimit: { maxAlerts: 2, perMs: 60_000 } });
    for (const t of ['a', 'b', 'c', 'd']) await dispatcher.sendAlert(t, 'm', 'high');
    advance(30_000); // one token back
    await dispatcher.sendAlert('e', 'm', 'high');
    await dispatcher.sendAlert('f', 'm', 'high');
    await dispatcher.flush();
    expect(titles()).toEqual(['a', 'b', 'e']);
    expect(dispatcher.stats.rateLimited).toBe(3);
    expect(
      records().filter((r) => r.msg === 'alert dropped: destination rate limit reached'),
    ).toHaveLength(3);
  });

  it('can run without a rate limit', async () => {
    const { dispatcher } = setup({ rateLimit: false });
    for (let i = 0; i < 40; i++) await dispatcher.sendAlert(`a${i}`, 'm', 'high');
    await dispatcher.flush();
    expect(server.requests).toHaveLength(40);
  });

  it('bounds its queue, dropping the oldest waiting alert', async () => {
    server.fallback = { status: 200, delayMs: 100 };
    const { dispatcher } = setup({ maxQueueSize: 2 });
    for (const t of ['1', '2', '3', '4', '5']) await dispatcher.sendAlert(t, 'm', 'high');
    // '1' is in flight; '2' and '3' were pushed out by '4' and '5'.
    expect(dispatcher.stats).toMatchObject({ queued: 2, dropped: 2 });
    await dispatcher.flush();
    expect(titles()).toEqual(['1', '4', '5']);
  });

  it('close() delivers what is queued, then drops new alerts', async () => {
    server.respondWith({ status: 503 });
    const { dispatcher } = setup();
    await dispatcher.sendAlert('a', 'm', 'high');
    await dispatcher.sendAlert('b', 'm', 'high');
    await dispatcher.close();
    expect(titles()).toEqual(['a', 'a', 'b']);
    await dispatcher.sendAlert('c', 'm', 'high');
    await dispatcher.flush();
    expect(server.requests).toHaveLength(3);
    expect(dispatcher.stats).toMatchObject({ delivered: 2, dropped: 1 });
  });

  it('never throws into the caller, even when its own callback does', async () => {
    const { dispatcher, records } = setup({
      dedupKey: () => {
        throw new Error('bad key');
      },
    });
    await expect(dispatcher.sendAlert('a', 'm', 'high')).resolves.toBeUndefined();
    expect(dispatcher.stats.dropped).toBe(1);
    expect(records().at(-1)).toMatchObject({ msg: 'alert could not be queued' });
  });

  it('rejects bad options naming each field', () => {
    let error: unknown;
    try {
      new TestDispatcher('ftp://x', {
        timeoutMs: 0,
        maxRetries: -1,
        maxQueueSize: 0,
        rateLimit: { maxAlerts: 0, perMs: 1000 },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MonitorConfigError);
    expect((error as MonitorConfigError).fields.map((f) => f.path)).toEqual([
      'url',
      'maxRetries',
      'timeoutMs',
      'maxQueueSize',
      'rateLimit.maxAlerts',
    ]);
  });
});

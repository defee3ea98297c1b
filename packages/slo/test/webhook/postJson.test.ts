import { hostOf, postJson } from '../../src/webhook/postJson.js';
import { startRecordingServer, type RecordingServer } from '../support/recordingServer.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(async () => {
  await server.close();
});

const headers = { 'content-type': 'application/json' };

describe('postJson', () => {
  it('reports success on 2xx', async () => {
    server.respondWith({ status: 202 });
    await expect(postJson(server.url, '{"a":1}', headers, 1000)).resolves.toEqual({ ok: true });
    expect(server.requests[0]!.json).toEqual({ a: 1 });
  });

  it('describes a failure, whether it is worth retrying, and Retry-After', async () => {
    server.respondWith(
      { status: 429, headers: { 'retry-after': '7' }, body: 'slow down' },
      { status: 404, body: 'no_service' },
    );
    await expect(postJson(server.url, '{}', headers, 1000)).resolves.toEqual({
      ok: false,
      reason: 'HTTP 429: slow down',
      retryable: true,
      retryAfterMs: 7000,
    });
    await expect(postJson(server.url, '{}', headers, 1000)).resolves.toEqual({
      ok: false,
      reason: 'HTTP 404: no_service',
      retryable: false,
    });
  });

  it('turns a timeout into an outcome, never a rejection', async () => {
    server.respondWith({ status: 200, delayMs: 1000 });
    await expect(postJson(server.url, '{}', headers, 30)).resolves.toEqual({
      ok: false,
      reason: 'timed out after 30 ms',
      retryable: true,
    });
  });

  it('keeps only the host of a URL for logs', () => {
    expect(hostOf('https://hooks.slack.com/services/T/B/secret')).toBe('hooks.slack.com');
    expect(hostOf('nope')).toBe('?');
  });
});

import { resolveWebhookOptions } from '../../src/webhook/webhookOptions.js';

describe('resolveWebhookOptions', () => {
  it('fills in the defaults', () => {
    expect(resolveWebhookOptions('x', 'https://example.com/hook', 'url', {})).toEqual({
      policy: {
        maxRetries: 3,
        initialBackoffMs: 500,
        maxBackoffMs: 30_000,
        maxRetryAfterMs: 60_000,
      },
      timeoutMs: 5000,
      dedupWindowMs: 300_000,
      maxDedupKeys: 1000,
      maxQueueSize: 100,
      rateLimit: { maxAlerts: 30, perMs: 60_000 },
    });
  });

  it('turns the rate limit off with false', () => {
    expect(
      resolveWebhookOptions('x', 'http://h', 'url', { rateLimit: false }).rateLimit,
    ).toBeUndefined();
  });

  it('names the dispatcher and each bad field', () => {
    expect(() =>
      resolveWebhookOptions('slack', 'mailto:a@b', 'webhookUrl', {
        dedupWindowMs: -1,
        maxBackoffMs: Number.NaN,
      }),
    ).toThrow(
      /slack alert dispatcher[\s\S]*webhookUrl: must be an absolute http[\s\S]*maxBackoffMs[\s\S]*dedupWindowMs/,
    );
  });
});

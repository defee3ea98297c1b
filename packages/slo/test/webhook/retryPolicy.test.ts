import { backoffMs, isRetryableStatus, parseRetryAfterMs } from '../../src/webhook/retryPolicy.js';

const policy = { maxRetries: 3, initialBackoffMs: 100, maxBackoffMs: 1000, maxRetryAfterMs: 5000 };

describe('retry policy', () => {
  it('retries timeouts, rate limiting and server errors only', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 400, 401, 403, 404, 413, 422].some(isRetryableStatus)).toBe(false);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfterMs('3')).toBe(3000);
    expect(parseRetryAfterMs(' 0 ')).toBe(0);
    // Several digits, and digits followed by something else (neither seconds nor a date).
    expect(parseRetryAfterMs('120')).toBe(120_000);
    expect(parseRetryAfterMs('12abc')).toBeUndefined();
    const now = Date.parse('2024-05-01T12:00:00Z');
    expect(parseRetryAfterMs('Wed, 01 May 2024 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfterMs('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon')).toBeUndefined();
    expect(parseRetryAfterMs(null)).toBeUndefined();
    expect(parseRetryAfterMs('-1')).toBeUndefined();
  });

  it('backs off exponentially, capped, with jitter between half and all of it', () => {
    expect(backoffMs(0, policy, () => 0)).toBe(50);
    expect(backoffMs(0, policy, () => 1)).toBe(100);
    expect(backoffMs(2, policy, () => 1)).toBe(400);
    expect(backoffMs(10, policy, () => 1)).toBe(1000);
    expect(backoffMs(10, policy, () => 0)).toBe(500);
  });
});

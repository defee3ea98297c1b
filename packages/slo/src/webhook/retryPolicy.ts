/** How a webhook dispatcher retries one delivery. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 3). */
  readonly maxRetries: number;
  /** First backoff; doubles each retry (default 500 ms). */
  readonly initialBackoffMs: number;
  /** Cap on one backoff (default 30 s). */
  readonly maxBackoffMs: number;
  /** Cap on a server's `Retry-After` (default 60 s). */
  readonly maxRetryAfterMs: number;
}

/** Statuses worth another try: timeouts, rate limiting and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delay-seconds or an HTTP date (RFC 9110).
 * Undefined when absent or unreadable.
 */
export function parseRetryAfterMs(
  header: string | null | undefined,
  nowMs = Date.now(),
): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date always names its day and month; without letters it is garbage (Date.parse would
  // read "-1" as a year).
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * Backoff before retry `attempt` (0 for the first retry): exponential, capped, with "equal
 * jitter" (between half and all of it) so many clients do not retry in lockstep.
 */
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const base = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** attempt);
  return base / 2 + (random() * base) / 2;
}

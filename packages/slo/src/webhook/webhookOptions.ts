import type { Clock } from '../internal/clock.js';
import type { LoggerOptions } from '../internal/logger.js';
import { FieldChecker } from '@lexigram/monitor-core/internal';
import type { AlertRecord } from './alertRecord.js';
import type { RetryPolicy } from './retryPolicy.js';

/** Per-destination rate limit: at most `maxAlerts` per `perMs`. */
export interface WebhookRateLimit {
  readonly maxAlerts: number;
  readonly perMs: number;
}

/** Options every webhook dispatcher accepts. */
export interface WebhookDispatcherOptions extends LoggerOptions, Partial<RetryPolicy> {
  /** Timeout of one HTTP attempt (default 5 s). */
  timeoutMs?: number;
  /** Repeats of the same alert inside this window are dropped (default 5 min; 0 disables). */
  dedupWindowMs?: number;
  /** Most alert keys remembered for de-duplication (default 1000). */
  maxDedupKeys?: number;
  /** Alerts accepted per destination (default 30 per minute); `false` disables the limit. */
  rateLimit?: WebhookRateLimit | false;
  /** Alerts waiting for delivery; past it the oldest is dropped (default 100). */
  maxQueueSize?: number;
  /** Extra HTTP headers, e.g. authorization for an Alertmanager behind a proxy. */
  headers?: Readonly<Record<string, string>>;
  /** Time source for de-duplication and rate limiting; default `Date.now`. */
  clock?: Clock;
  /** Key two alerts must share to count as the same; default kind + title + severity. */
  dedupKey?: (alert: AlertRecord) => string;
  /** Deadline of `shutdown()` in ms. Default 30000. */
  shutdownTimeoutMs?: number;
}

/** {@link WebhookDispatcherOptions} checked, with defaults applied. */
export interface ResolvedWebhookOptions {
  readonly policy: RetryPolicy;
  readonly timeoutMs: number;
  readonly dedupWindowMs: number;
  readonly maxDedupKeys: number;
  readonly maxQueueSize: number;
  readonly rateLimit: WebhookRateLimit | undefined;
}

/**
 * Check a webhook dispatcher's URL and options, listing every bad field in one
 * `MonitorConfigError`, and fill in the defaults.
 */
export function resolveWebhookOptions(
  destination: string,
  url: unknown,
  urlField: string,
  options: WebhookDispatcherOptions,
): ResolvedWebhookOptions {
  const check = new FieldChecker(`${destination} alert dispatcher`);
  if (!isHttpUrl(url)) check.add(urlField, 'must be an absolute http:// or https:// URL');
  const policy: RetryPolicy = {
    maxRetries: options.maxRetries ?? 3,
    initialBackoffMs: options.initialBackoffMs ?? 500,
    maxBackoffMs: options.maxBackoffMs ?? 30_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
  };
  check.integerAtLeast('maxRetries', policy.maxRetries, 0);
  // Backoffs become timers: capped at the longest delay Node honours.
  check.durationMs('initialBackoffMs', policy.initialBackoffMs, { allowZero: true });
  check.durationMs('maxBackoffMs', policy.maxBackoffMs, { allowZero: true });
  check.durationMs('maxRetryAfterMs', policy.maxRetryAfterMs, { allowZero: true });
  const timeoutMs = options.timeoutMs ?? 5000;
  check.durationMs('timeoutMs', timeoutMs);
  const dedupWindowMs = options.dedupWindowMs ?? 300_000;
  // Compared with the clock, never a timer: any length is fine.
  check.durationMs('dedupWindowMs', dedupWindowMs, { allowZero: true, max: Infinity });
  const maxDedupKeys = options.maxDedupKeys ?? 1000;
  check.integerAtLeast('maxDedupKeys', maxDedupKeys, 1);
  const maxQueueSize = options.maxQueueSize ?? 100;
  check.integerAtLeast('maxQueueSize', maxQueueSize, 1);
  const rateLimit = options.rateLimit ?? { maxAlerts: 30, perMs: 60_000 };
  if (rateLimit !== false) {
    check.integerAtLeast('rateLimit.maxAlerts', rateLimit.maxAlerts, 1);
    check.positive('rateLimit.perMs', rateLimit.perMs);
  }
  check.throwIfInvalid();
  return {
    policy,
    timeoutMs,
    dedupWindowMs,
    maxDedupKeys,
    maxQueueSize,
    rateLimit: rateLimit === false ? undefined : rateLimit,
  };
}

function isHttpUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

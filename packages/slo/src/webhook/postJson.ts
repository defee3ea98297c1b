import { readCapped } from '@lexigram/monitor-core/internal';
import { isRetryableStatus, parseRetryAfterMs } from './retryPolicy.js';

/** What one POST attempt came to. */
export type PostOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Why, for the log: `HTTP 500: body...`, `timed out after 5000 ms`, a network error. */
      readonly reason: string;
      /** Worth another try: network errors, timeouts, 408, 429, 5xx. */
      readonly retryable: boolean;
      /** What the server's `Retry-After` asked for, if anything. */
      readonly retryAfterMs?: number;
    };

/**
 * POST `body` once with Node's global fetch, under a timeout. Never rejects: every failure is
 * an outcome, so the retry loop above it stays simple.
 */
export async function postJson(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<PostOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read at most a few KB either way: reading frees the connection and an error body explains
    // the failure, but an endless or huge body (a proxy error page, a wrong URL) must not be
    // buffered whole.
    const text = await readCapped(response, MAX_ERROR_BODY_BYTES);
    if (response.ok) return { ok: true };
    const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
    return {
      ok: false,
      reason: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
      retryable: isRetryableStatus(response.status),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  } catch (error) {
    return { ok: false, reason: describeFetchError(error, timeoutMs), retryable: true };
  }
}

/** Most bytes of a response body read (the rest is cancelled). */
export const MAX_ERROR_BODY_BYTES = 4096;

/** The host of `url`, for logs: the rest may hold a secret (a Slack webhook's path). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  // Duck-typed: fetch's DOMException and undici's errors may come from another realm, where
  // `instanceof Error` is false.
  const { name, message, cause } = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  const causeMessage = (cause as { message?: unknown } | undefined)?.message;
  const text = typeof message === 'string' ? message : String(error);
  return typeof causeMessage === 'string' ? `${text}: ${causeMessage}` : text;
}

import type { MonitorFaultHandler } from '@lexigram/monitor-core';
import { readCapped, reportFault } from '@lexigram/monitor-core/internal';

/** Most bytes of an error response's body read for the fault message (the rest is dropped). */
export const MAX_ERROR_BODY_BYTES = 4096;

/** Options of {@link PushgatewayClient}. */
export interface PushgatewayClientOptions {
  /** Base URL of the Pushgateway, e.g. `http://pushgateway:9091`. */
  url: string;
  /** The `job` of the group pushed to (default `lexigram`). */
  job?: string;
  /** More grouping labels, e.g. `{ instance: 'batch-7' }` (default none). */
  groupingLabels?: Readonly<Record<string, string>>;
  /** Time budget of one HTTP attempt (default 5000). */
  timeoutMs?: number;
  /** Attempts after the first one on a network error or 5xx (default 2). */
  retries?: number;
  /** Wait before the first retry, doubled for each next one (default 250). */
  backoffMs?: number;
  /** Receives push failures; default: core's fault channel. */
  onError?: MonitorFaultHandler;
}

function segment(label: string, value: string): string {
  // The Pushgateway reads a value containing '/' (or an empty one) only base64url-encoded.
  if (value === '' || value.includes('/')) {
    const encoded = value === '' ? '=' : Buffer.from(value, 'utf8').toString('base64url');
    return `/${encodeURIComponent(label)}@base64/${encoded}`;
  }
  return `/${encodeURIComponent(label)}/${encodeURIComponent(value)}`;
}

/** What went wrong with one request, or undefined when it succeeded. */
type Attempt = { retry: boolean; message: string; error?: unknown } | undefined;

/**
 * Sends expositions to a Prometheus Pushgateway group `/metrics/job/<job>{/<label>/<value>}`:
 * PUT replaces the group, POST replaces only the families pushed, DELETE removes the group.
 * Timeouts and retries with exponential backoff; failures go to the fault channel and come back
 * as `false`, never as an exception.
 */
export class PushgatewayClient {
  /** URL of the group. */
  readonly groupUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly onError: MonitorFaultHandler | undefined;

  constructor(options: PushgatewayClientOptions) {
    const base = options.url.replace(/\/+$/, '');
    let path = `/metrics/job/${encodeURIComponent(options.job ?? 'lexigram')}`;
    for (const [label, value] of Object.entries(options.groupingLabels ?? {})) {
      path += segment(label, value);
    }
    this.groupUrl = base + path;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 250;
    this.onError = options.onError;
  }

  /** Push `body` (text format 0.0.4) with PUT (default) or POST. True when accepted. */
  push(body: string, method: 'PUT' | 'POST' = 'PUT'): Promise<boolean> {
    return this.send(method, body);
  }

  /** Delete the group. True when the Pushgateway accepted it. */
  delete(): Promise<boolean> {
    return this.send('DELETE');
  }

  private async send(method: string, body?: string): Promise<boolean> {
    let last: Attempt;
    let attempts = 0;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1));
      attempts++;
      last = await this.attempt(method, body);
      if (last === undefined) return true;
      if (!last.retry) break;
    }
    reportFault(
      {
        code: 'PUSHGATEWAY_FAILED',
        component: 'backend-prometheus.pushgateway',
        message: `${method} ${this.groupUrl} failed: ${last!.message}`,
        error: last!.error,
        details: { url: this.groupUrl, method, attempts },
      },
      this.onError,
    );
    return false;
  }

  private async attempt(method: string, body?: string): Promise<Attempt> {
    try {
      const res = await fetch(this.groupUrl, {
        method,
        body,
        headers: body === undefined ? {} : { 'Content-Type': 'text/plain; version=0.0.4' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return undefined;
      }
      // A few KB explain the failure; an endless or huge error body (a proxy's page, a wrong
      // URL) must not be buffered whole.
      const text = await readCapped(res, MAX_ERROR_BODY_BYTES);
      return { retry: res.status >= 500, message: `HTTP ${res.status} ${text.trim()}`.trim() };
    } catch (error) {
      return { retry: true, message: String(error), error };
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

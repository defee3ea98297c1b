import type { ExportResponse, IExporterTransport } from '@opentelemetry/otlp-exporter-base';

/** Retry settings of an OTLP exporter; durations in milliseconds. */
export interface RetryOptions {
  /** Most attempts of one export, the first included. Default 6. */
  readonly maxAttempts?: number;
  /** Delay before the first retry (before jitter). Default 1000. */
  readonly initialBackoffMs?: number;
  /** Longest delay between attempts. Default 5000. */
  readonly maxBackoffMs?: number;
  /** Growth of the delay per attempt. Default 1.5. */
  readonly backoffMultiplier?: number;
  /** Source of randomness for the jitter, in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
}

/** The defaults of {@link RetryOptions}. */
export const RETRY_DEFAULTS = Object.freeze({
  maxAttempts: 6,
  initialBackoffMs: 1000,
  maxBackoffMs: 5000,
  backoffMultiplier: 1.5,
});

/** ±20 % around the nominal delay, so many processes do not retry in lock step. */
const JITTER = 0.2;

/**
 * Retries what the inner transport marks `retryable` (429, 502, 503, 504, network errors,
 * timeouts) with jittered exponential backoff, honouring the collector's `Retry-After`, and never
 * past the export's deadline: when the next attempt would start after it, the last answer is
 * returned. `shutdown()` cancels pending waits so a flush at exit is not held by a backoff.
 */
export class RetryingTransport implements IExporterTransport {
  private readonly inner: IExporterTransport;
  private readonly options: Required<RetryOptions>;
  private readonly waits = new Set<() => void>();
  private closed = false;

  constructor(inner: IExporterTransport, options: RetryOptions = {}) {
    this.inner = inner;
    this.options = {
      maxAttempts: options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts,
      initialBackoffMs: options.initialBackoffMs ?? RETRY_DEFAULTS.initialBackoffMs,
      maxBackoffMs: options.maxBackoffMs ?? RETRY_DEFAULTS.maxBackoffMs,
      backoffMultiplier: options.backoffMultiplier ?? RETRY_DEFAULTS.backoffMultiplier,
      random: options.random ?? Math.random,
    };
  }

  async send(data: Uint8Array, timeoutMillis: number): Promise<ExportResponse> {
    const deadline = Date.now() + timeoutMillis;
    let backoff = this.options.initialBackoffMs;
    let result = await this.inner.send(data, timeoutMillis);
    for (let attempt = 1; attempt < this.options.maxAttempts; attempt++) {
      if (result.status !== 'retryable' || this.closed) return result;
      const jittered = backoff * (1 + (this.options.random() * 2 - 1) * JITTER);
      const delay = result.retryInMillis ?? Math.min(jittered, this.options.maxBackoffMs);
      backoff *= this.options.backoffMultiplier;
      const remaining = deadline - Date.now();
      if (delay >= remaining) return result;
      if (!(await this.wait(delay))) return result;
      // A late timer may leave no time at all: keep the last answer rather than a 0 ms attempt.
      const left = deadline - Date.now();
      if (left <= 0) return result;
      result = await this.inner.send(data, left);
    }
    return result;
  }

  /** Cancel waits between attempts and shut the inner transport down. */
  shutdown(): void {
    this.closed = true;
    for (const cancel of [...this.waits]) cancel();
    this.inner.shutdown();
  }

  /** Resolves true after `ms`, or false at once when shut down meanwhile. */
  private wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        this.waits.delete(cancel);
        resolve(ok);
      };
      const cancel = (): void => done(false);
      // Not unref()ed: an export in flight holds the process open until it settles or its
      // deadline passes, as its socket does, so a retry asked for during the final flush at exit
      // still happens (the wait is bounded by the export's timeoutMs).
      const timer = setTimeout(() => done(true), Math.max(0, ms));
      this.waits.add(cancel);
    });
  }
}

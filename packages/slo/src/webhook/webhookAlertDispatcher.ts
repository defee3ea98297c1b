import type {
  AlertDispatcherProtocol,
  AlertSeverity,
  MonitorFaultHandler,
} from '@lexigram/monitor-core';
import { ShutdownOnce } from '@lexigram/monitor-core/internal';
import { systemClock, type Clock } from '../internal/clock.js';
import { componentLogger, faultSink, sloFault, type SloLogger } from '../internal/logger.js';
import { defaultDedupKey, freeFormAlert, metricAlert, type AlertRecord } from './alertRecord.js';
import { DedupWindow } from './dedupWindow.js';
import { hostOf, postJson } from './postJson.js';
import { backoffMs, type RetryPolicy } from './retryPolicy.js';
import { TokenBucket } from './tokenBucket.js';
import { resolveWebhookOptions, type WebhookDispatcherOptions } from './webhookOptions.js';

/** Counters of a webhook dispatcher. */
export interface WebhookDispatcherStats {
  /** Alerts accepted into the queue. */
  accepted: number;
  /** Alerts the destination acknowledged (2xx). */
  delivered: number;
  /** Alerts given up on (non-retryable answer, or retries used up). */
  failed: number;
  /** Retry attempts made. */
  retries: number;
  /** Alerts dropped as repeats inside the de-duplication window. */
  deduplicated: number;
  /** Alerts dropped by the rate limit. */
  rateLimited: number;
  /** Alerts dropped because the queue was full or the dispatcher closed. */
  dropped: number;
}

interface Queued {
  readonly alert: AlertRecord;
  readonly key: string;
}

/**
 * Base of the HTTP alert dispatchers: a bounded queue per destination drained by one worker,
 * with de-duplication, a rate limit, a timeout per attempt, and retries with exponential backoff
 * on network errors, 408, 429 and 5xx (honouring `Retry-After`). `sendAlert` and
 * `sendMetricAlert` only enqueue: they never wait on the network and never reject. `flush()`
 * waits for the queue to drain; `close()` stops accepting alerts and drains.
 *
 * Subclasses say what to POST: {@link WebhookAlertDispatcher.buildBody}.
 */
export abstract class WebhookAlertDispatcher implements AlertDispatcherProtocol {
  /** Where alerts are POSTed. */
  protected readonly url: string;
  /** Logger of this dispatcher (built on first use). */
  protected readonly log: () => SloLogger;
  private readonly onError: MonitorFaultHandler | undefined;
  private readonly closing = new ShutdownOnce();
  private readonly shutdownTimeoutMs: number | undefined;
  protected readonly clock: Clock;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly maxQueueSize: number;
  private readonly headers: Readonly<Record<string, string>>;
  private readonly dedup: DedupWindow;
  /** The de-duplication key of an alert (the `dedupKey` option, or kind + title + severity). */
  protected readonly dedupKeyOf: (alert: AlertRecord) => string;
  private readonly bucket: TokenBucket | undefined;
  private readonly queue: Queued[] = [];
  private draining: Promise<void> | undefined;
  private closed = false;
  private backoffTimer: NodeJS.Timeout | undefined;
  private readonly counters: WebhookDispatcherStats = {
    accepted: 0,
    delivered: 0,
    failed: 0,
    retries: 0,
    deduplicated: 0,
    rateLimited: 0,
    dropped: 0,
  };

  protected constructor(
    /** Short name of the destination kind for logs, e.g. `slack`. */
    protected readonly destination: string,
    url: string,
    urlField: string,
    options: WebhookDispatcherOptions,
  ) {
    const settings = resolveWebhookOptions(destination, url, urlField, options);
    this.url = url;
    this.policy = settings.policy;
    this.timeoutMs = settings.timeoutMs;
    this.maxQueueSize = settings.maxQueueSize;
    this.headers = { 'content-type': 'application/json', ...options.headers };
    this.clock = options.clock ?? systemClock;
    this.dedup = new DedupWindow(settings.dedupWindowMs, settings.maxDedupKeys);
    this.dedupKeyOf = options.dedupKey ?? defaultDedupKey;
    this.bucket = settings.rateLimit
      ? new TokenBucket(settings.rateLimit.maxAlerts, settings.rateLimit.perMs)
      : undefined;
    this.log = componentLogger(options, `${destination}-alerts`);
    this.onError = faultSink(options, this.log);
    this.shutdownTimeoutMs = options.shutdownTimeoutMs;
  }

  /** Render an alert as the JSON body the destination expects. */
  protected abstract buildBody(alert: AlertRecord): unknown;

  /** Queue a free-form alert. Resolves at once; never rejects. */
  async sendAlert(
    title: string,
    message: string,
    severity: AlertSeverity,
    context?: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    this.accept(() => freeFormAlert(title, message, severity, context, this.clock()));
  }

  /** Queue a metric-threshold alert. Resolves at once; never rejects. */
  async sendMetricAlert(
    metricName: string,
    currentValue: number,
    threshold: number,
    context?: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    this.accept(() => metricAlert(metricName, currentValue, threshold, context, this.clock()));
  }

  /** Counters since construction (a copy), plus the alerts waiting now. */
  get stats(): Readonly<WebhookDispatcherStats & { queued: number }> {
    return { ...this.counters, queued: this.queue.length };
  }

  /** Resolves when every queued alert has been delivered or given up on. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /**
   * Stop accepting alerts and deliver those queued (graceful shutdown), waiting at most
   * `shutdownTimeoutMs`. Idempotent; never rejects.
   */
  shutdown(): Promise<void> {
    return this.closing.run(
      async () => {
        this.closed = true;
        // Backoff timers are unref'd so alerting never holds a process open, but a shutdown
        // that awaits this must not exit half-way through a retry.
        this.backoffTimer?.ref();
        await this.flush();
      },
      {
        component: `slo.${this.destination}Alerts`,
        ...(this.shutdownTimeoutMs === undefined ? {} : { timeoutMs: this.shutdownTimeoutMs }),
        ...(this.onError ? { onError: this.onError } : {}),
      },
    );
  }

  /** The same as {@link WebhookAlertDispatcher.shutdown}. */
  close(): Promise<void> {
    return this.shutdown();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.backoffTimer = undefined;
        resolve();
      }, ms);
      if (!this.closed) timer.unref();
      this.backoffTimer = timer;
    });
  }

  private accept(build: () => AlertRecord): void {
    try {
      if (this.closed) {
        this.counters.dropped++;
        this.fault('ALERT_DROPPED', 'alert dropped: dispatcher is closed', {});
        return;
      }
      const alert = build();
      const key = this.dedupKeyOf(alert);
      const now = this.clock();
      if (this.dedup.isDuplicate(key, now)) {
        this.counters.deduplicated++;
        return;
      }
      if (this.bucket && !this.bucket.tryTake(now)) {
        this.counters.rateLimited++;
        this.fault('ALERT_DROPPED', 'alert dropped: destination rate limit reached', {
          alert: alert.title,
        });
        return;
      }
      this.dedup.remember(key, now);
      if (this.queue.length >= this.maxQueueSize) {
        const oldest = this.queue.shift()!;
        this.dedup.forget(oldest.key);
        this.counters.dropped++;
        this.fault('ALERT_DROPPED', 'alert dropped: delivery queue full', {
          alert: oldest.alert.title,
        });
      }
      this.queue.push({ alert, key });
      this.counters.accepted++;
      this.pump();
    } catch (error) {
      // A throwing dedupKey callback or a broken logger must not reach the caller.
      this.counters.dropped++;
      this.fault('ALERT_NOT_QUEUED', 'alert could not be queued', {}, error);
    }
  }

  private pump(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.queue.length > 0) this.pump();
    });
  }

  private async drain(): Promise<void> {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      try {
        await this.deliver(next);
      } catch (error) {
        this.counters.failed++;
        this.fault('ALERT_DELIVERY_FAILED', 'alert delivery failed unexpectedly', {}, error);
      }
    }
  }

  private async deliver({ alert, key }: Queued): Promise<void> {
    const body = JSON.stringify(this.buildBody(alert));
    for (let attempt = 0; ; attempt++) {
      const outcome = await postJson(this.url, body, this.headers, this.timeoutMs);
      if (outcome.ok) {
        this.counters.delivered++;
        return;
      }
      if (!outcome.retryable || attempt >= this.policy.maxRetries) {
        this.giveUp(alert, key, outcome.reason, attempt + 1);
        return;
      }
      this.counters.retries++;
      await this.sleep(
        outcome.retryAfterMs === undefined
          ? backoffMs(attempt, this.policy)
          : Math.min(outcome.retryAfterMs, this.policy.maxRetryAfterMs),
      );
    }
  }

  private giveUp(alert: AlertRecord, key: string, reason: string, attempts: number): void {
    this.counters.failed++;
    // Let the next repeat through: this one never arrived.
    this.dedup.forget(key);
    // The URL may hold a secret (Slack webhook path): log only its host.
    this.fault('ALERT_DELIVERY_FAILED', 'alert delivery failed', {
      host: hostOf(this.url),
      alert: alert.title,
      reason,
      attempts,
    });
  }

  private fault(
    code: string,
    message: string,
    details: Record<string, unknown>,
    error?: unknown,
  ): void {
    sloFault(
      this.onError,
      `${this.destination}Alerts`,
      code,
      message,
      { destination: this.destination, ...details },
      error,
    );
  }
}

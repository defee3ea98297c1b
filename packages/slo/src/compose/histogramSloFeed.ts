import type {
  AlertDispatcherProtocol,
  HistogramFamily,
  MetricsProducer,
  SloConfig,
  SloStatusData,
  SloStatusProtocol,
} from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import type { MonitorFaultHandler } from '@lexigram/monitor-core';
import { ErrorBudgetTracker } from '../budget/errorBudgetTracker.js';
import type { ErrorBudget } from '../budget/burnRateAlert.js';
import { sloStatusOf } from '../status/sloStatus.js';

/** One SLO's figures, as {@link HistogramSloFeed.report} gives them. */
export interface SloStatus {
  readonly name: string;
  readonly objective: number;
  readonly metric: string;
  readonly kind: 'latency' | 'availability';
  readonly errorBudget: ErrorBudget;
  /** Burn rate over the last hour. */
  readonly burnRate: number;
  /** Names of the burn-rate rules firing now. */
  readonly firing: readonly string[];
}

/** Options of {@link HistogramSloFeed}. */
export interface HistogramSloFeedOptions {
  readonly dispatchers?: readonly AlertDispatcherProtocol[];
  readonly onError?: MonitorFaultHandler;
}

interface Fed {
  readonly config: SloConfig;
  readonly tracker: ErrorBudgetTracker;
  lastGood: number;
  lastTotal: number;
  readonly firing: Set<string>;
}

/**
 * Feeds error-budget SLOs from the histograms they name: at each `refresh()` it reads the
 * collector's snapshot and records the new observations as good or bad events (latency SLO:
 * good when in a bucket at or under `thresholdMs`; availability SLO: bad when the series has a
 * 5xx `http.response.status_code` or an `error.type`, or their `_` spellings). New burn-rate alerts go to the dispatchers.
 */
export class HistogramSloFeed implements SloStatusProtocol {
  private readonly fed: Fed[];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: MetricsProducer,
    slos: readonly SloConfig[],
    private readonly options: HistogramSloFeedOptions = {},
  ) {
    this.fed = slos.map((config) => ({
      config,
      tracker: new ErrorBudgetTracker({
        name: config.name,
        objective: config.objective,
        ...(config.thresholdMs !== undefined ? { thresholdMs: config.thresholdMs } : {}),
        ...(config.periodMs !== undefined ? { periodMs: config.periodMs } : {}),
      }),
      lastGood: 0,
      lastTotal: 0,
      firing: new Set(),
    }));
  }

  /** The tracker of SLO `name`. */
  tracker(name: string): ErrorBudgetTracker | undefined {
    return this.fed.find((f) => f.config.name === name)?.tracker;
  }

  /** Read the histograms now, record new events, dispatch newly firing alerts. */
  async refresh(): Promise<void> {
    if (this.fed.length === 0) return;
    const families = await this.source.collect();
    for (const f of this.fed) {
      const family = families.find(
        (m): m is HistogramFamily => m.type === 'histogram' && m.name === f.config.metric,
      );
      if (!family) continue;
      const { good, total } = countEvents(family, f.config.thresholdMs);
      const newTotal = Math.max(0, total - f.lastTotal);
      const newGood = Math.min(newTotal, Math.max(0, good - f.lastGood));
      f.lastGood = good;
      f.lastTotal = total;
      if (newTotal > 0) f.tracker.recordEvents(newGood, newTotal);
      this.dispatch(f);
    }
  }

  /** Every SLO's budget, burn rate and firing rules. */
  report(): SloStatus[] {
    return this.fed.map((f) => ({
      name: f.config.name,
      objective: f.config.objective,
      metric: f.config.metric,
      kind: f.config.thresholdMs === undefined ? 'availability' : 'latency',
      errorBudget: f.tracker.errorBudget(),
      burnRate: f.tracker.burnRate(),
      firing: f.tracker.firingRules().map((a) => a.rule.name),
    }));
  }

  /**
   * Every SLO's status in core's `SloStatusData` form (what the dashboard shows), as of the last
   * {@link refresh}.
   */
  getSloStatus(): SloStatusData[] {
    return this.fed.map((f) => sloStatusOf(f.tracker));
  }

  /** Refresh every `intervalMs` on an unref'd timer until `stop()`. */
  start(intervalMs: number): this {
    if (this.timer || this.fed.length === 0) return this;
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        reportFault(
          {
            code: 'SLO_FEED_FAILED',
            component: 'slo.histogramSloFeed',
            message: 'refresh failed',
            error,
          },
          this.options.onError,
        ),
      );
    }, intervalMs);
    this.timer.unref();
    return this;
  }

  /** Stop the timer. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private dispatch(f: Fed): void {
    const alerts = f.tracker.firingRules();
    const now = new Set(alerts.map((a) => a.rule.name));
    for (const alert of alerts) {
      if (f.firing.has(alert.rule.name)) continue;
      for (const dispatcher of this.options.dispatchers ?? []) {
        dispatcher
          .sendAlert(alert.title, alert.message, alert.severity, { slo: f.config.name })
          .catch((error: unknown) =>
            reportFault(
              {
                code: 'SLO_ALERT_FAILED',
                component: 'slo.histogramSloFeed',
                message: 'dispatch failed',
                error,
              },
              this.options.onError,
            ),
          );
      }
    }
    f.firing.clear();
    for (const name of now) f.firing.add(name);
  }
}

function countEvents(
  family: HistogramFamily,
  thresholdMs: number | undefined,
): { good: number; total: number } {
  let good = 0;
  let total = 0;
  for (const series of family.series) {
    total += series.count;
    if (thresholdMs === undefined) {
      const labels = series.labels;
      // The middleware records OpenTelemetry's dotted names; other producers the Prometheus ones.
      const status = Number(
        labels['http.response.status_code'] ?? labels['http_response_status_code'] ?? 0,
      );
      const failed = status >= 500 || Boolean(labels['error.type'] ?? labels['error_type']);
      if (!failed) good += series.count;
      continue;
    }
    let under = 0;
    for (const bucket of series.buckets) {
      // A bound within a microsecond of the threshold counts as it (seconds vs ms rounding).
      if (bucket.upperBound * 1000 <= thresholdMs + 1e-6) under = bucket.cumulativeCount;
    }
    good += under;
  }
  return { good, total };
}

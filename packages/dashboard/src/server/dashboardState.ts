import {
  getMonitorFaultCounts,
  type HealthReport,
  type ReadableSpanData,
  type RuntimeStatsData,
  type SloStatusData,
} from '@lexigram/monitor-core';
import { reportFault, withTimeout } from '@lexigram/monitor-core/internal';
import { DASHBOARD_METRIC_NAMES } from '../aggregate/metricNames.js';
import { RouteAggregator, type RequestTick } from '../aggregate/routeAggregator.js';
import { summarizeTraces, type TraceSummary } from '../aggregate/traceSummaries.js';
import { ProcessRuntimeStats } from '../runtime/processRuntimeStats.js';
import type { Redactor } from '../security/redactor.js';
import type { ResolvedDashboardOptions } from './dashboardOptions.js';

/** One health check as the page shows it. */
export interface HealthCheckView {
  readonly name: string;
  readonly status: string;
  readonly message: string | undefined;
  readonly durationMs: number;
  readonly timestamp: number;
  readonly details: unknown;
}

/** Everything one feed message carries. */
export interface DashboardSnapshot {
  readonly time: number;
  readonly title: string;
  readonly requests: RequestTick | null;
  readonly traces: { readonly slowest: TraceSummary[]; readonly failed: TraceSummary[] } | null;
  readonly health: { readonly status: string; readonly checks: HealthCheckView[] } | null;
  readonly slos: readonly SloStatusData[] | null;
  readonly runtime: RuntimeStatsData | null;
  readonly faults: readonly { readonly code: string; readonly count: number }[];
}

const COMPONENT = 'monitor-dashboard';

/** Options of one {@link DashboardState.build}. */
export interface BuildOptions {
  /**
   * Feed ticks pass true: metrics are read only as often as `metricsCpuBudgetPercent` allows,
   * and the previous figures are returned in between. A direct snapshot always reads.
   */
  readonly withinBudget?: boolean;
}

/** CPU time of this process in ms (user + system). */
function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

// However costly the read, the request figures are never older than this.
const MAX_METRICS_GAP_MS = 10_000;

/**
 * Builds the snapshot the page receives. Each source is read under its own guard: a failing
 * source is reported once per tick as a fault and shows as missing, the rest still renders.
 * Health checks run at most every `healthIntervalMs` in the background; the tick reads the
 * latest report and never waits for them.
 */
export class DashboardState {
  private readonly routes: RouteAggregator;
  private readonly ownRuntime: ProcessRuntimeStats | undefined;
  private lastHealth: DashboardSnapshot['health'] = null;
  private healthRunAt = Number.NEGATIVE_INFINITY;
  private healthInFlight = false;
  private readonly metricNames: readonly string[];
  private lastRequests: RequestTick | null = null;
  private lastTraces: DashboardSnapshot['traces'] = null;
  private lastSpans:
    | { length: number; first: ReadableSpanData | undefined; last: ReadableSpanData | undefined }
    | undefined;
  private nextMetricsAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: ResolvedDashboardOptions,
    private readonly redact: Redactor,
    private readonly now: () => number = Date.now,
    private readonly cpuMs: () => number = processCpuMs,
  ) {
    this.routes = new RouteAggregator(options);
    this.metricNames = DASHBOARD_METRIC_NAMES.includes(this.routes.metric)
      ? DASHBOARD_METRIC_NAMES
      : [...DASHBOARD_METRIC_NAMES, this.routes.metric];
    this.ownRuntime = options.runtime ? undefined : new ProcessRuntimeStats();
  }

  /** Start the probes that only run while someone watches. */
  activate(): void {
    this.ownRuntime?.start();
  }

  /** Stop them. */
  deactivate(): void {
    this.ownRuntime?.stop();
  }

  /** Take one snapshot. Never rejects. */
  async build(build: BuildOptions = {}): Promise<DashboardSnapshot> {
    const time = this.now();
    this.refreshHealth(time);
    const requests = await this.guard('metrics', () =>
      build.withinBudget === true && time < this.nextMetricsAt
        ? this.lastRequests
        : this.readRequests(time),
    );
    const traces = await this.guard('traces', () => this.readTraces());
    const slos = await this.guard('slos', () => this.options.slos?.getSloStatus() ?? null);
    const runtime = await this.guard(
      'runtime',
      () => (this.options.runtime ?? this.ownRuntime)?.getRuntimeStats() ?? null,
    );
    const counts = (this.options.faultCounts ?? getMonitorFaultCounts)();
    const faults = [...counts].map(([code, count]) => ({ code, count }));
    return {
      time,
      title: this.options.title,
      requests,
      traces,
      health: this.lastHealth,
      slos,
      runtime,
      faults,
    };
  }

  /** Run the health checks now, waiting for them (bounded by `healthTimeoutMs`). */
  async runHealth(): Promise<void> {
    const health = this.options.health;
    if (!health || this.healthInFlight) return;
    this.healthInFlight = true;
    this.healthRunAt = this.now();
    try {
      const outcome = await withTimeout(health.runAll(), this.options.healthTimeoutMs);
      if (outcome.status === 'fulfilled') this.lastHealth = this.viewOf(outcome.value);
      else {
        this.lastHealth = {
          status: 'unhealthy',
          checks: [
            {
              name: '(health run)',
              status: 'unhealthy',
              message:
                outcome.status === 'timedOut' ? 'health checks timed out' : 'health run failed',
              durationMs: this.options.healthTimeoutMs,
              timestamp: this.now(),
              details: undefined,
            },
          ],
        };
        if (outcome.status === 'rejected') this.fault('health', outcome.reason);
      }
    } finally {
      this.healthInFlight = false;
    }
  }

  /**
   * Read the request metrics: only the families the dashboard shows when the collector can
   * select them, and then, if the read cost more CPU than the budget allows per interval, hold
   * the next read back until the average is within budget (the rates stay exact: they are
   * deltas over the time between reads).
   */
  private async readRequests(time: number): Promise<RequestTick | null> {
    const collector = this.options.collector;
    if (!collector) return null;
    const cpuBefore = this.cpuMs();
    // In place when the collector can (no snapshot objects), else the selected families.
    const reader = collector.readHistogram?.(this.routes.metric);
    const requests =
      reader !== undefined
        ? this.routes.updateFrom(reader, time)
        : this.routes.update(
            collector.collectFamilies
              ? await collector.collectFamilies(this.metricNames)
              : await collector.collect(),
            time,
          );
    const costMs = this.cpuMs() - cpuBefore;
    const gapMs = Math.min(
      (costMs * 100) / this.options.metricsCpuBudgetPercent,
      MAX_METRICS_GAP_MS,
    );
    // Half an interval of slack, so a read within budget happens on every tick.
    this.nextMetricsAt =
      gapMs > this.options.intervalMs
        ? time + gapMs - this.options.intervalMs / 2
        : Number.NEGATIVE_INFINITY;
    this.lastRequests = requests;
    return requests;
  }

  /** The trace lists, summarized again only when the kept spans changed. */
  private readTraces(): DashboardSnapshot['traces'] {
    const source = this.options.recentSpans;
    if (!source) return null;
    const spans = source.getRecentSpans(this.options.maxSpans);
    const seen = this.lastSpans;
    // The store only appends (dropping the oldest): same length and same ends, same spans.
    if (
      this.lastTraces !== null &&
      seen !== undefined &&
      seen.length === spans.length &&
      seen.first === spans[0] &&
      seen.last === spans[spans.length - 1]
    ) {
      return this.lastTraces;
    }
    this.lastTraces = summarizeTraces(spans, this.options.traceLimit);
    this.lastSpans = { length: spans.length, first: spans[0], last: spans[spans.length - 1] };
    return this.lastTraces;
  }

  private refreshHealth(time: number): void {
    if (time - this.healthRunAt >= this.options.healthIntervalMs) void this.runHealth();
  }

  private viewOf(report: HealthReport): NonNullable<DashboardSnapshot['health']> {
    return {
      status: report.status,
      checks: Object.entries(report.checks).map(([name, r]) => ({
        name,
        status: r.status,
        message: r.message,
        durationMs: r.durationMs,
        timestamp: r.timestamp,
        details: this.redact(r.details),
      })),
    };
  }

  private async guard<T>(source: string, read: () => T | Promise<T>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      this.fault(source, error);
      return null;
    }
  }

  private fault(source: string, error: unknown): void {
    reportFault(
      {
        code: 'DASHBOARD_SOURCE_FAILED',
        component: COMPONENT,
        message: `dashboard could not read ${source}`,
        error,
        details: { source },
      },
      this.options.onError,
    );
  }
}

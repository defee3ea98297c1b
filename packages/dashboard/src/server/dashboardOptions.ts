import {
  type HealthProbesProtocol,
  type MetricsCollectorProtocol,
  type MetricsProducer,
  type MonitorFaultHandler,
  type RecentSpansProtocol,
  type RuntimeStatsProtocol,
  type SloStatusProtocol,
} from '@lexigram/monitor-core';
import { FieldChecker } from '@lexigram/monitor-core/internal';
import type { DashboardAuthorize } from '../security/accessPolicy.js';

/** Options of `createDashboard`. */
export interface DashboardOptions {
  /**
   * The dashboard is off unless this is true: a disabled dashboard answers 404 to everything
   * and runs nothing.
   */
  enabled?: boolean;
  /**
   * Metrics to read (a collector or anything with `collect()`). A collector with
   * `readHistogram` (the metrics package's) is read in place, one with `collectFamilies` for
   * the HTTP server metrics only.
   */
  collector?: MetricsProducer &
    Partial<Pick<MetricsCollectorProtocol, 'collectFamilies' | 'readHistogram'>>;
  /** Recent finished spans (the tracing package's `Tracer`). */
  recentSpans?: RecentSpansProtocol;
  /** Health probes (the health package's registry or checker). */
  health?: HealthProbesProtocol;
  /** SLO status (the slo package's `ErrorBudgetMonitor`). */
  slos?: SloStatusProtocol;
  /** Runtime figures; default the dashboard's own sampler, running only while a page is open. */
  runtime?: RuntimeStatsProtocol;
  /** Fault counts by code; default core's `getMonitorFaultCounts`. */
  faultCounts?: () => ReadonlyMap<string, number>;
  /** Token that lets non-loopback clients in (`Authorization: Bearer <token>` or `?token=`). */
  token?: string;
  /** Your own access decision; replaces the loopback and token rules. */
  authorize?: DashboardAuthorize;
  /** Let loopback clients in without the token. Default true. */
  allowLoopback?: boolean;
  /** Extra field names to redact from span attributes and health details. */
  redactFields?: readonly string[];
  /** Path the dashboard is mounted under (stripped from request URLs), e.g. `/monitor`. */
  basePath?: string;
  /** Feed interval. Default 1000. */
  intervalMs?: number;
  /** How often health checks run while a page is open. Default 5000. */
  healthIntervalMs?: number;
  /** Deadline of one health run. Default 2000. */
  healthTimeoutMs?: number;
  /** Live pages at once; more are refused with 503. Default 10. */
  maxClients?: number;
  /** Routes sent per tick. Default 10. */
  topRoutes?: number;
  /** Histogram series read per tick. Default 10 000. */
  maxSeries?: number;
  /**
   * Share of one core, in percent, that reading the metrics may take on average while a page is
   * open. A read that costs more (tens of thousands of HTTP series) holds the next one back, so
   * the request figures then update every few seconds (at least every 10 s) instead of every
   * tick. Default 0.5.
   */
  metricsCpuBudgetPercent?: number;
  /** Traces listed as slowest and as failed. Default 10 each. */
  traceLimit?: number;
  /** Recent spans read per tick. Default 2000. */
  maxSpans?: number;
  /** Page title. Default `Lexigram Monitor`. */
  title?: string;
  /** Receives the dashboard's background faults; default the process-wide channel. */
  onError?: MonitorFaultHandler;
}

/** Options with defaults applied. */
export type ResolvedDashboardOptions = Required<
  Pick<
    DashboardOptions,
    | 'enabled'
    | 'allowLoopback'
    | 'basePath'
    | 'intervalMs'
    | 'healthIntervalMs'
    | 'healthTimeoutMs'
    | 'maxClients'
    | 'topRoutes'
    | 'maxSeries'
    | 'metricsCpuBudgetPercent'
    | 'traceLimit'
    | 'maxSpans'
    | 'title'
  >
> &
  DashboardOptions;

/** Validate `options` (one `MonitorConfigError` naming every bad field) and apply defaults. */
export function resolveDashboardOptions(options: DashboardOptions = {}): ResolvedDashboardOptions {
  const check = new FieldChecker('Dashboard options');
  const numbers: [keyof DashboardOptions, number][] = [
    ['intervalMs', 100],
    ['healthIntervalMs', 100],
    ['healthTimeoutMs', 1],
    ['maxClients', 1],
    ['topRoutes', 1],
    ['maxSeries', 1],
    ['traceLimit', 1],
    ['maxSpans', 1],
  ];
  for (const [field, min] of numbers) {
    const value = options[field];
    if (value !== undefined) check.integerAtLeast(field, value, min);
  }
  if (
    options.token !== undefined &&
    (typeof options.token !== 'string' || options.token.length < 16)
  ) {
    check.add(
      'token',
      'must be a string of at least 16 characters: use a random secret, e.g. randomBytes(24).toString("base64url")',
    );
  }
  const budget = options.metricsCpuBudgetPercent;
  if (budget !== undefined && check.positive('metricsCpuBudgetPercent', budget) && budget > 100) {
    check.add(
      'metricsCpuBudgetPercent',
      `must be at most 100 (percent of one core), got ${budget}`,
    );
  }
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath !== '' && !basePath.startsWith('/')) {
    check.add(
      'basePath',
      `must start with "/", e.g. "/monitor" (got ${JSON.stringify(options.basePath)})`,
    );
  }
  check.throwIfInvalid();
  return {
    ...options,
    enabled: options.enabled === true,
    allowLoopback: options.allowLoopback !== false,
    basePath,
    intervalMs: options.intervalMs ?? 1000,
    healthIntervalMs: options.healthIntervalMs ?? 5000,
    healthTimeoutMs: options.healthTimeoutMs ?? 2000,
    maxClients: options.maxClients ?? 10,
    topRoutes: options.topRoutes ?? 10,
    maxSeries: options.maxSeries ?? 10_000,
    metricsCpuBudgetPercent: options.metricsCpuBudgetPercent ?? 0.5,
    traceLimit: options.traceLimit ?? 10,
    maxSpans: options.maxSpans ?? 2000,
    title: options.title ?? 'Lexigram Monitor',
  };
}

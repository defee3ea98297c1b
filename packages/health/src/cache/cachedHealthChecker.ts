import {
  HealthCheckCategory,
  type HealthProbesProtocol,
  type HookBus,
  type MonitorFaultHandler,
} from '@lexigram/monitor-core';
import {
  BackgroundLoop,
  FieldChecker,
  reportFault,
  ShutdownOnce,
  type Scheduler,
} from '@lexigram/monitor-core/internal';
import { summarizeReport } from '../registry/summarizeReport.js';
import type { HealthCheckResult } from '../result/healthCheckResult.js';
import { CheckSet } from '../runner/checkSet.js';
import { HealthChecker } from '../runner/healthChecker.js';
import type { HealthCheckReport } from '../runner/healthCheckReport.js';
import {
  databasePingCheck,
  isDatabasePingProvider,
  type DatabasePingProvider,
} from './databasePingCheck.js';

/** Options of a {@link CachedHealthChecker}. */
export interface CachedHealthCheckerOptions {
  /** How long results are served from the cache. Default 5000; 0 turns caching off. */
  cacheTtlMs?: number;
  /** Default and upper bound of every check's timeout. Default 2000. */
  checkTimeoutMs?: number;
  /** A database client to ping (`ping()` or `query('SELECT 1')`), added as a readiness check. */
  dbProvider?: DatabasePingProvider;
  /** Name of the database check. Default `'database'`. */
  dbCheckName?: string;
  /** When set, refresh the cache in the background at this interval from the start. */
  refreshIntervalMs?: number;
  /** Where `healthCheckRun` is emitted. Default: core's `monitorHooks`. */
  hooks?: HookBus;
  /**
   * Receives a failed background refresh. Default: the process-wide fault channel
   * (`setMonitorDiagnostics`).
   */
  onError?: MonitorFaultHandler;
  /** Deadline of `shutdown()` in ms. Default 30000. */
  shutdownTimeoutMs?: number;
  /** Timer source of the background refresh (tests pass a fake). */
  scheduler?: Scheduler;
}

interface CacheEntry {
  readonly results: Readonly<Record<string, HealthCheckResult>>;
  readonly completedAt: number;
  readonly revision: number;
}

/**
 * A health checker for endpoints that are polled hard: results are cached for `cacheTtlMs`, every
 * check is bounded by `checkTimeoutMs`, and concurrent callers share one in-flight run, so a
 * burst of probes costs one run of the checks. An optional background refresh keeps the cache
 * warm; its timer never keeps the process alive.
 *
 * Every probe is answered from one run of all checks, filtered by category.
 *
 * @example
 * ```ts
 * const health = new CachedHealthChecker({ dbProvider: pool, cacheTtlMs: 2000 });
 * health.add('redis', async () => (await redis.ping()) === 'PONG');
 * health.startBackgroundRefresh();
 * const report = await health.runReadiness(); // served from the cache
 * await health.shutdown(); // at shutdown
 * ```
 */
export class CachedHealthChecker extends CheckSet implements HealthProbesProtocol {
  /** How long results are served from the cache. */
  readonly cacheTtlMs: number;
  /** Default and upper bound of each check's timeout. */
  readonly checkTimeoutMs: number;
  /** The checker that runs the checks. */
  readonly checker: HealthChecker;

  private entry: CacheEntry | undefined;
  private inflight: Promise<CacheEntry> | undefined;
  private inflightRevision = -1;
  private readonly refreshLoop: BackgroundLoop;
  private refreshEveryMs: number | undefined;
  private readonly closing = new ShutdownOnce();
  private readonly onError: MonitorFaultHandler | undefined;
  private readonly shutdownTimeoutMs: number;

  constructor(options: CachedHealthCheckerOptions = {}) {
    super();
    const fields = new FieldChecker('CachedHealthChecker options');
    this.cacheTtlMs = fields.durationMs('cacheTtlMs', options.cacheTtlMs, {
      allowZero: true,
      fallback: 5000,
    });
    this.checkTimeoutMs = fields.durationMs('checkTimeoutMs', options.checkTimeoutMs, {
      fallback: 2000,
    });
    const refreshIntervalMs = fields.durationMs('refreshIntervalMs', options.refreshIntervalMs);
    this.shutdownTimeoutMs = fields.durationMs('shutdownTimeoutMs', options.shutdownTimeoutMs, {
      fallback: 30_000,
    });
    if (options.dbProvider !== undefined && !isDatabasePingProvider(options.dbProvider)) {
      fields.add('dbProvider', 'must have a ping() or a query(sql) method');
    }
    fields.throwIfInvalid();
    this.onError = options.onError;
    this.refreshLoop = new BackgroundLoop({
      // Runs never reject; this only guards the loop itself.
      run: () => this.run(),
      onError: (error) =>
        reportFault(
          {
            code: 'HEALTH_REFRESH_FAILED',
            component: 'health.cachedHealthChecker',
            message: 'A background refresh of the health cache failed; the next one will retry.',
            error,
          },
          this.onError,
        ),
      component: 'health.cachedHealthChecker',
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    });
    this.checker = new HealthChecker({
      defaultTimeoutMs: this.checkTimeoutMs,
      maxTimeoutMs: this.checkTimeoutMs,
      ...(options.hooks ? { hooks: options.hooks } : {}),
    });
    if (options.dbProvider !== undefined) {
      this.checker.add(options.dbCheckName ?? 'database', databasePingCheck(options.dbProvider), {
        category: HealthCheckCategory.Readiness,
      });
    }
    if (refreshIntervalMs !== undefined) this.startBackgroundRefresh(refreshIntervalMs);
  }

  /** Results of every check: from the cache while fresh, else from one shared run. */
  async results(): Promise<Readonly<Record<string, HealthCheckResult>>> {
    return (await this.current()).results;
  }

  /** Every check, aggregated (cached). */
  async runAll(): Promise<HealthCheckReport> {
    return this.reportOf((await this.current()).results);
  }

  /** The liveness checks, aggregated (cached). */
  runLiveness(): Promise<HealthCheckReport> {
    return this.runCategory(HealthCheckCategory.Liveness);
  }

  /** The readiness checks, aggregated (cached). */
  runReadiness(): Promise<HealthCheckReport> {
    return this.runCategory(HealthCheckCategory.Readiness);
  }

  /** The startup checks, aggregated (cached). */
  runStartup(): Promise<HealthCheckReport> {
    return this.runCategory(HealthCheckCategory.Startup);
  }

  /** The aggregate as one result, with each check's status in `details.checks` (cached). */
  async check(): Promise<HealthCheckResult> {
    const start = performance.now();
    const report = await this.runAll();
    return summarizeReport(report, performance.now() - start);
  }

  /** Run the checks now, whatever the cache holds (joining a run already in flight). */
  async refresh(): Promise<HealthCheckReport> {
    return this.reportOf((await this.run()).results);
  }

  /** Drop the cached results; the next call runs the checks. */
  invalidate(): void {
    this.entry = undefined;
  }

  /** The last completed run, aggregated, if any (never triggers a run). */
  get lastReport(): HealthCheckReport | undefined {
    return this.entry ? this.reportOf(this.entry.results) : undefined;
  }

  /** Age of the cached results in ms, or undefined when nothing is cached. */
  get cacheAgeMs(): number | undefined {
    return this.entry ? performance.now() - this.entry.completedAt : undefined;
  }

  /** True while the background refresh is on. */
  get backgroundRefreshing(): boolean {
    return this.refreshEveryMs !== undefined;
  }

  /**
   * Keep the cache warm: run the checks now and then every `intervalMs` (default half of
   * `cacheTtlMs`, at least 1 ms). Runs never overlap; a failing run never throws into the app.
   * Calling it again restarts with the new interval. After `shutdown()` it does nothing: a closed
   * checker must not start probing its dependencies again.
   */
  startBackgroundRefresh(intervalMs?: number): void {
    const fields = new FieldChecker('startBackgroundRefresh');
    const every = fields.durationMs('intervalMs', intervalMs, {
      fallback: Math.max(1, this.cacheTtlMs / 2),
    });
    fields.throwIfInvalid();
    if (this.closing.requested) return;
    this.refreshEveryMs = every;
    this.refreshLoop.start(every);
    void this.refreshLoop.runNow();
  }

  /** Stop the background refresh (safe to call when it is not running). */
  stopBackgroundRefresh(): void {
    this.refreshEveryMs = undefined;
    void this.refreshLoop.stop();
  }

  /**
   * Stop the background refresh and wait, at most `shutdownTimeoutMs`, for a run in flight to
   * finish. Idempotent; never rejects.
   */
  shutdown(): Promise<void> {
    return this.closing.run(
      async () => {
        this.stopBackgroundRefresh();
        if (this.inflight) await this.inflight.catch(() => undefined);
      },
      {
        component: 'health.cachedHealthChecker',
        timeoutMs: this.shutdownTimeoutMs,
        ...(this.onError ? { onError: this.onError } : {}),
      },
    );
  }

  /** The reference's name for {@link CachedHealthChecker.shutdown}. */
  close(): Promise<void> {
    return this.shutdown();
  }

  private async runCategory(category: HealthCheckCategory): Promise<HealthCheckReport> {
    const { results } = await this.current();
    const names = new Set(this.checker.namesIn(category));
    return this.reportOf(
      Object.fromEntries(Object.entries(results).filter(([name]) => names.has(name))),
    );
  }

  private reportOf(results: Readonly<Record<string, HealthCheckResult>>): HealthCheckReport {
    return this.checker.report(results);
  }

  private current(): Promise<CacheEntry> {
    const entry = this.entry;
    if (
      entry !== undefined &&
      entry.revision === this.checker.revision &&
      performance.now() - entry.completedAt < this.cacheTtlMs
    ) {
      return Promise.resolve(entry);
    }
    return this.run();
  }

  /** One run at a time: callers arriving while it is in flight share it. */
  private run(): Promise<CacheEntry> {
    const revision = this.checker.revision;
    // A run started before checks were added or removed would answer for the old set.
    if (this.inflight && this.inflightRevision === revision) return this.inflight;
    const pending = this.checker.runAll().then((results) => {
      const entry: CacheEntry = { results, completedAt: performance.now(), revision };
      this.entry = entry;
      return entry;
    });
    this.inflight = pending;
    this.inflightRevision = revision;
    const clear = (): void => {
      if (this.inflight === pending) this.inflight = undefined;
    };
    pending.then(clear, clear);
    return pending;
  }
}

import type { MetricsProducer, MonitorFaultHandler } from '@lexigram/monitor-core';
import {
  BackgroundLoop,
  ShutdownOnce,
  validateDurationMs,
  type Scheduler,
} from '@lexigram/monitor-core/internal';
import { faultSink, metricsFault, type FaultOptions } from '../logging/metricsFaults.js';
import type { MetricsExporter } from './metricsExporter.js';

/** Options of {@link PeriodicMetricsExporter}. */
export interface PeriodicMetricsExporterOptions extends FaultOptions {
  /** What is collected: a MetricsCollector, or anything with `collect()`. */
  producer: MetricsProducer;
  /** Where collections go, e.g. a ConsoleMetricsExporter. */
  exporter: MetricsExporter;
  /** Interval between exports. Default 60000 (MetricsConfig's `collectionIntervalMs`). */
  intervalMs?: number;
  /** Deadline of `shutdown()` (last export and exporter shutdown) in ms. Default 30000. */
  shutdownTimeoutMs?: number;
  /** Timer source (tests pass a fake). Default: unref'd Node timers. */
  scheduler?: Scheduler;
}

const COMPONENT = 'periodicMetricsExporter';
/** Longest wait between attempts after failed exports (unless `intervalMs` is longer). */
const MAX_FAILURE_PAUSE_MS = 30_000;

/**
 * Collects from a producer and exports on an interval. A tick is skipped while the previous
 * export is still running; a failing collect or export is reported (`EXPORT_FAILED`) and the
 * loop goes on, waiting twice as many intervals after each failure in a row (up to 30 s, or one
 * interval when that is longer), so a backend that is down costs no collecting and encoding on
 * every tick. Cumulative values lose nothing by a skipped tick; `exportNow()` never waits. The timer never keeps the process alive; `shutdown()` does one last export, then
 * shuts the exporter down, within `shutdownTimeoutMs`.
 *
 * @example
 * ```ts
 * const loop = new PeriodicMetricsExporter({ producer: collector, exporter: new ConsoleMetricsExporter(), intervalMs: 10_000 });
 * loop.start();
 * process.on('SIGTERM', () => void loop.shutdown());
 * ```
 */
export class PeriodicMetricsExporter {
  private readonly producer: MetricsProducer;
  private readonly exporter: MetricsExporter;
  private readonly intervalMs: number;
  private readonly shutdownTimeoutMs: number | undefined;
  private readonly onError: MonitorFaultHandler | undefined;
  private readonly loop: BackgroundLoop;
  private readonly closing = new ShutdownOnce();
  private lastResult = false;
  private lastRun: Promise<void> | undefined;
  private lastRunResult: Promise<boolean> | undefined;
  private exportCount = 0;
  private failuresInARow = 0;
  /** Ticks left to skip after failures. */
  private skipTicks = 0;
  /** Set while exportNow() starts a run, which never skips. */
  private forced = false;

  constructor(options: PeriodicMetricsExporterOptions) {
    const source = 'PeriodicMetricsExporter options';
    this.intervalMs = validateDurationMs(options.intervalMs, 'intervalMs', {
      fallback: 60_000,
      source,
    });
    if (options.shutdownTimeoutMs !== undefined) {
      validateDurationMs(options.shutdownTimeoutMs, 'shutdownTimeoutMs', { source });
    }
    this.shutdownTimeoutMs = options.shutdownTimeoutMs;
    this.producer = options.producer;
    this.exporter = options.exporter;
    this.onError = faultSink(options);
    this.loop = new BackgroundLoop({
      run: () => this.runOnce(),
      // runOnce reports its own failures; this only guards the loop itself.
      onError: () => undefined,
      component: `metrics.${COMPONENT}`,
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    });
  }

  /** Successful exports so far. */
  get exports(): number {
    return this.exportCount;
  }

  /** Start exporting every `intervalMs` (idempotent; no-op after `shutdown()`). */
  start(): void {
    if (this.loop.started || this.closing.requested) return;
    this.loop.start(this.intervalMs);
  }

  /**
   * Collect and export once now; resolves true when the export succeeded. Never rejects. Waits
   * for an export already running instead of starting a second one.
   */
  exportNow(): Promise<boolean> {
    // runNow() calls runOnce() synchronously, so the flag is read before it is reset.
    this.forced = true;
    const run = this.loop.runNow();
    this.forced = false;
    if (run !== this.lastRun || this.lastRunResult === undefined) {
      this.lastRun = run;
      this.lastRunResult = run.then(() => this.lastResult);
    }
    return this.lastRunResult;
  }

  /**
   * Stop the timer, export one last time, and shut the exporter down, within
   * `shutdownTimeoutMs`. Idempotent; never rejects.
   */
  shutdown(): Promise<void> {
    return this.closing.run(
      async () => {
        await this.loop.stop();
        await this.exportNow();
        try {
          await this.exporter.shutdown();
        } catch (error) {
          metricsFault(
            this.onError,
            COMPONENT,
            'EXPORTER_SHUTDOWN_FAILED',
            'Metrics exporter failed to shut down cleanly.',
            undefined,
            error,
          );
        }
      },
      {
        component: `metrics.${COMPONENT}`,
        ...(this.shutdownTimeoutMs === undefined ? {} : { timeoutMs: this.shutdownTimeoutMs }),
        ...(this.onError ? { onError: this.onError } : {}),
      },
    );
  }

  /** The same as {@link PeriodicMetricsExporter.shutdown}. */
  stop(): Promise<void> {
    return this.shutdown();
  }

  private async runOnce(): Promise<void> {
    if (this.skipTicks > 0 && !this.forced) {
      this.skipTicks--;
      return;
    }
    try {
      const families = await this.producer.collect();
      await this.exporter.export(families);
      this.exportCount++;
      this.lastResult = true;
      this.failuresInARow = 0;
      this.skipTicks = 0;
    } catch (error) {
      this.lastResult = false;
      this.failuresInARow++;
      const maxTicks = Math.max(1, Math.floor(MAX_FAILURE_PAUSE_MS / this.intervalMs));
      this.skipTicks = Math.min(2 ** (this.failuresInARow - 1), maxTicks) - 1;
      metricsFault(
        this.onError,
        COMPONENT,
        'EXPORT_FAILED',
        'Periodic metrics export failed; the next interval tries again. Check the exporter.',
        undefined,
        error,
      );
    }
  }
}

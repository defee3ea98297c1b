import { MonitorConfigError, type MetricsProducer } from '@lexigram/monitor-core';
import { safeWarn, type MetricsLogger } from '../logging/metricsLogger.js';
import { describe } from '../validation/names.js';
import type { MetricsExporter } from './metricsExporter.js';

/** Options of {@link PeriodicMetricsExporter}. */
export interface PeriodicMetricsExporterOptions {
  /** What is collected: a MetricsCollector, or anything with `collect()`. */
  producer: MetricsProducer;
  /** Where collections go, e.g. a ConsoleMetricsExporter. */
  exporter: MetricsExporter;
  /** Interval between exports. Default 60000 (MetricsConfig's `collectionIntervalMs`). */
  intervalMs?: number;
  /** Where export failures are reported. Default: core's `createLogger()`. */
  logger?: MetricsLogger;
}

/**
 * Collects from a producer and exports on an interval. A tick is skipped while the previous
 * export is still running; a failing collect or export is logged and the loop goes on. The timer
 * never keeps the process alive; `stop()` does one last export, then shuts the exporter down.
 *
 * @example
 * ```ts
 * const loop = new PeriodicMetricsExporter({ producer: collector, exporter: new ConsoleMetricsExporter(), intervalMs: 10_000 });
 * loop.start();
 * process.on('SIGTERM', () => void loop.stop());
 * ```
 */
export class PeriodicMetricsExporter {
  private readonly producer: MetricsProducer;
  private readonly exporter: MetricsExporter;
  private readonly intervalMs: number;
  private readonly logger: MetricsLogger | undefined;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<boolean> | undefined;
  private stopped = false;
  private exportCount = 0;

  constructor(options: PeriodicMetricsExporterOptions) {
    const intervalMs = options.intervalMs ?? 60_000;
    if (typeof intervalMs !== 'number' || !Number.isFinite(intervalMs) || intervalMs <= 0) {
      throw new MonitorConfigError(
        [
          {
            path: 'intervalMs',
            message: `is ${describe(intervalMs)}: use a positive number of milliseconds`,
          },
        ],
        { source: 'PeriodicMetricsExporter options' },
      );
    }
    this.producer = options.producer;
    this.exporter = options.exporter;
    this.intervalMs = intervalMs;
    this.logger = options.logger;
  }

  /** Successful exports so far. */
  get exports(): number {
    return this.exportCount;
  }

  /** Start exporting every `intervalMs` (idempotent; no-op after `stop()`). */
  start(): void {
    if (this.timer !== undefined || this.stopped) return;
    this.timer = setInterval(() => {
      if (this.inFlight === undefined) void this.exportNow();
    }, this.intervalMs);
    this.timer.unref();
  }

  /**
   * Collect and export once now; resolves true when the export succeeded. Never rejects. Waits
   * for an export already running instead of starting a second one.
   */
  exportNow(): Promise<boolean> {
    if (this.inFlight !== undefined) return this.inFlight;
    const run = this.runOnce().finally(() => {
      this.inFlight = undefined;
    });
    this.inFlight = run;
    return run;
  }

  /** Stop the timer, export one last time, and shut the exporter down. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.inFlight !== undefined) await this.inFlight;
    await this.exportNow();
    try {
      await this.exporter.shutdown();
    } catch (error) {
      safeWarn(this.logger, { err: error }, 'Metrics exporter failed to shut down cleanly.');
    }
  }

  private async runOnce(): Promise<boolean> {
    try {
      const families = await this.producer.collect();
      await this.exporter.export(families);
      this.exportCount++;
      return true;
    } catch (error) {
      safeWarn(
        this.logger,
        { err: error },
        'Periodic metrics export failed; the next interval tries again. Check the exporter.',
      );
      return false;
    }
  }
}

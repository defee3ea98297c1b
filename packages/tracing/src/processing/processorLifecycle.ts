import type { MonitorFaultHandler, SpanExporter } from '@lexigram/monitor-core';
import { ShutdownOnce } from '@lexigram/monitor-core/internal';
import { reportExportFault } from './errorReporter.js';
import type { SpanProcessorStats } from './spanProcessor.js';

/**
 * What the span processors share: the exporter, where its faults go, the shutdown deadline and
 * the counters of {@link SpanProcessorStats}. Each processor owns one and decides only how spans
 * wait for the exporter (a queue, or one export per span).
 */
export class ProcessorLifecycle {
  readonly closing = new ShutdownOnce();
  /** Spans the exporter took. */
  exported = 0;
  /** Spans dropped (full, or after shutdown). */
  dropped = 0;
  private failedSpans = 0;
  private failedExports = 0;

  readonly onError: MonitorFaultHandler | undefined;
  private readonly shutdownTimeoutMs: number | undefined;

  /** `component` names the processor in faults, e.g. `batchSpanProcessor`. */
  constructor(
    readonly exporter: SpanExporter,
    readonly component: string,
    options: { readonly onError?: MonitorFaultHandler; readonly shutdownTimeoutMs?: number },
  ) {
    this.onError = options.onError;
    this.shutdownTimeoutMs = options.shutdownTimeoutMs;
  }

  /** An export of `spans` spans threw, rejected or timed out: count it and report it. */
  exportFailed(spans: number, error: unknown): void {
    this.failedExports++;
    this.failedSpans += spans;
    reportExportFault(this.component, this.onError, error);
  }

  /** The exporter's own flush; a throw or rejection is reported, never propagated. */
  async flushExporter(): Promise<void> {
    try {
      await this.exporter.forceFlush?.();
    } catch (error) {
      reportExportFault(this.component, this.onError, error);
    }
  }

  /**
   * The processors' shutdown: once, `flush` what is queued, run `beforeExporterShutdown`, then
   * shut the exporter down, all within `shutdownTimeoutMs`. Never rejects.
   */
  shutdown(flush: () => Promise<void>, beforeExporterShutdown?: () => void): Promise<void> {
    return this.closing.run(
      async () => {
        await flush();
        beforeExporterShutdown?.();
        try {
          await this.exporter.shutdown?.();
        } catch (error) {
          reportExportFault(this.component, this.onError, error);
        }
      },
      {
        component: `tracing.${this.component}`,
        ...(this.shutdownTimeoutMs === undefined ? {} : { timeoutMs: this.shutdownTimeoutMs }),
        ...(this.onError ? { onError: this.onError } : {}),
      },
    );
  }

  /** The counters, with the spans the processor has waiting now. */
  stats(queuedSpans: number): SpanProcessorStats {
    return {
      exportedSpans: this.exported,
      droppedSpans: this.dropped,
      failedSpans: this.failedSpans,
      failedExports: this.failedExports,
      queuedSpans,
    };
  }
}

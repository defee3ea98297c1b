import type { MonitorFaultHandler, SpanExporter } from '@lexigram/monitor-core';
import { ShutdownOnce, validateDurationMs } from '@lexigram/monitor-core/internal';
import type { Span } from '../span/span.js';
import { reportExportFault } from './errorReporter.js';
import { flushExporter, shutdownProcessor } from './processorLifecycle.js';
import { exportSpans } from './exportSpans.js';
import type { SpanProcessor, SpanProcessorStats } from './spanProcessor.js';

/** Options of {@link SimpleSpanProcessor}. */
export interface SimpleSpanProcessorOptions {
  /** Longest wait for one export. Default 30000. */
  exportTimeoutMs?: number;
  /**
   * Most exports under way at once (with an async exporter); past it spans are dropped and
   * counted, so a slow exporter cannot make memory grow without bound. Default 2048.
   */
  maxPendingExports?: number;
  /** Deadline of `shutdown()` in ms. Default 30000. */
  shutdownTimeoutMs?: number;
  /**
   * Receives export errors (`SPAN_EXPORT_FAILED`, the error as `fault.error`). Default: the
   * process-wide fault channel (`setMonitorDiagnostics`).
   */
  onError?: MonitorFaultHandler;
}

/**
 * Exports each span as soon as it ends. For development, tests and exporters that buffer on
 * their own; use {@link BatchSpanProcessor} in production. Exporter errors are counted and
 * reported, never thrown into the application.
 */
export class SimpleSpanProcessor implements SpanProcessor {
  private readonly exporter: SpanExporter;
  private readonly exportTimeoutMs: number;
  private readonly maxPendingExports: number;
  private readonly onError: MonitorFaultHandler | undefined;
  private readonly shutdownTimeoutMs: number | undefined;
  private readonly closing = new ShutdownOnce();
  private readonly pending = new Set<Promise<void>>();
  private exported = 0;
  private dropped = 0;
  private failedSpans = 0;
  private failedExports = 0;

  constructor(exporter: SpanExporter, options: SimpleSpanProcessorOptions = {}) {
    this.exporter = exporter;
    this.exportTimeoutMs = validateDurationMs(options.exportTimeoutMs, 'exportTimeoutMs', {
      fallback: 30_000,
      source: 'SimpleSpanProcessor options',
    });
    this.maxPendingExports = options.maxPendingExports ?? 2048;
    this.onError = options.onError;
    this.shutdownTimeoutMs = options.shutdownTimeoutMs;
  }

  onEnd(span: Span): void {
    if (this.closing.requested || this.pending.size >= this.maxPendingExports) {
      this.dropped++;
      return;
    }
    const pending = exportSpans(this.exporter, [span.toReadableSpan()], this.exportTimeoutMs);
    if (pending === null) {
      this.exported++;
      return;
    }
    const tracked: Promise<void> = pending
      .then(
        () => {
          this.exported++;
        },
        (error: unknown) => {
          this.failedExports++;
          this.failedSpans++;
          reportExportFault('simpleSpanProcessor', this.onError, error);
        },
      )
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** Waits for exports under way, then the exporter's own flush. Never rejects. */
  async forceFlush(): Promise<void> {
    await Promise.all(this.pending);
    await flushExporter(this.exporter, 'simpleSpanProcessor', this.onError);
  }

  /**
   * Flushes, then shuts the exporter down, within `shutdownTimeoutMs`. Idempotent; never
   * rejects.
   */
  shutdown(): Promise<void> {
    return shutdownProcessor({
      closing: this.closing,
      exporter: this.exporter,
      component: 'simpleSpanProcessor',
      onError: this.onError,
      shutdownTimeoutMs: this.shutdownTimeoutMs,
      flush: () => this.forceFlush(),
    });
  }

  /** Counters since creation. */
  stats(): SpanProcessorStats {
    return {
      exportedSpans: this.exported,
      droppedSpans: this.dropped,
      failedSpans: this.failedSpans,
      failedExports: this.failedExports,
      queuedSpans: this.pending.size,
    };
  }
}

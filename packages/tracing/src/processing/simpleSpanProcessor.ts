import type { SpanExporter } from '@lexigram/monitor-core';
import type { Span } from '../span/span.js';
import { report, warnOnce, type ExportErrorHandler } from './errorReporter.js';
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
  /** Receives export errors. Default: one process warning, then silence (see stats). */
  onError?: ExportErrorHandler;
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
  private readonly onError: ExportErrorHandler;
  private readonly pending = new Set<Promise<void>>();
  private shutdownPromise: Promise<void> | undefined;
  private exported = 0;
  private dropped = 0;
  private failedSpans = 0;
  private failedExports = 0;

  constructor(exporter: SpanExporter, options: SimpleSpanProcessorOptions = {}) {
    this.exporter = exporter;
    this.exportTimeoutMs = options.exportTimeoutMs ?? 30_000;
    this.maxPendingExports = options.maxPendingExports ?? 2048;
    this.onError = options.onError ?? warnOnce('SimpleSpanProcessor');
  }

  onEnd(span: Span): void {
    if (this.shutdownPromise || this.pending.size >= this.maxPendingExports) {
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
          report(this.onError, error);
        },
      )
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** Waits for exports under way, then the exporter's own flush. Never rejects. */
  async forceFlush(): Promise<void> {
    await Promise.all(this.pending);
    await this.flushExporter();
  }

  /** Flushes, then shuts the exporter down. Idempotent. Never rejects. */
  shutdown(): Promise<void> {
    this.shutdownPromise ??= (async () => {
      await this.forceFlush();
      try {
        await this.exporter.shutdown?.();
      } catch (error) {
        report(this.onError, error);
      }
    })();
    return this.shutdownPromise;
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

  private async flushExporter(): Promise<void> {
    try {
      await this.exporter.forceFlush?.();
    } catch (error) {
      report(this.onError, error);
    }
  }
}

import type { MonitorFaultHandler, SpanExporter } from '@lexigram/monitor-core';
import { FieldChecker } from '@lexigram/monitor-core/internal';
import type { Span } from '../span/span.js';
import { ProcessorLifecycle } from './processorLifecycle.js';
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
  private readonly exportTimeoutMs: number;
  private readonly maxPendingExports: number;
  private readonly life: ProcessorLifecycle;
  private readonly pending = new Set<Promise<void>>();

  constructor(exporter: SpanExporter, options: SimpleSpanProcessorOptions = {}) {
    const check = new FieldChecker('SimpleSpanProcessor options');
    this.exportTimeoutMs = check.durationMs('exportTimeoutMs', options.exportTimeoutMs, {
      fallback: 30_000,
    });
    this.maxPendingExports = options.maxPendingExports ?? 2048;
    check.integerAtLeast('maxPendingExports', this.maxPendingExports, 1);
    if (options.shutdownTimeoutMs !== undefined) {
      check.durationMs('shutdownTimeoutMs', options.shutdownTimeoutMs);
    }
    if (options.onError !== undefined) check.fn('onError', options.onError);
    check.throwIfInvalid();
    this.life = new ProcessorLifecycle(exporter, 'simpleSpanProcessor', options);
  }

  onEnd(span: Span): void {
    const life = this.life;
    if (life.closing.requested || this.pending.size >= this.maxPendingExports) {
      life.dropped++;
      return;
    }
    const pending = exportSpans(life.exporter, [span.toReadableSpan()], this.exportTimeoutMs);
    if (pending === null) {
      life.exported++;
      return;
    }
    const tracked: Promise<void> = pending
      .then(
        () => {
          life.exported++;
        },
        (error: unknown) => life.exportFailed(1, error),
      )
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** Waits for exports under way, then the exporter's own flush. Never rejects. */
  async forceFlush(): Promise<void> {
    await Promise.all(this.pending);
    await this.life.flushExporter();
  }

  /**
   * Flushes, then shuts the exporter down, within `shutdownTimeoutMs`. Idempotent; never
   * rejects.
   */
  shutdown(): Promise<void> {
    return this.life.shutdown(() => this.forceFlush());
  }

  /** Counters since creation. */
  stats(): SpanProcessorStats {
    return this.life.stats(this.pending.size);
  }
}

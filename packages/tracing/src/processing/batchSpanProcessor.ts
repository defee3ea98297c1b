import {
  SpanExportError,
  type MonitorFaultHandler,
  type SpanExporter,
} from '@lexigram/monitor-core';
import { FieldChecker } from '@lexigram/monitor-core/internal';
import type { Span } from '../span/span.js';
import { reportExportFault } from './errorReporter.js';
import { ProcessorLifecycle } from './processorLifecycle.js';
import { exportSpans } from './exportSpans.js';
import type { SpanProcessor, SpanProcessorStats } from './spanProcessor.js';

/** Options of {@link BatchSpanProcessor}; durations in milliseconds. */
export interface BatchSpanProcessorOptions {
  /** Most spans waiting; past it new spans are dropped and counted. Default 2048. */
  maxQueueSize?: number;
  /** Most spans per export call. Default 512. */
  maxExportBatchSize?: number;
  /** Longest a span waits before its batch is exported. Default 5000. */
  scheduledDelayMs?: number;
  /** Longest wait for one export call. Default 30000. */
  exportTimeoutMs?: number;
  /** Deadline of `shutdown()` in ms (flush and exporter shutdown). Default 30000. */
  shutdownTimeoutMs?: number;
  /**
   * Receives export errors (`SPAN_EXPORT_FAILED`) and drop notices (`SPANS_DROPPED`), the
   * error as `fault.error`. Default: the process-wide fault channel (`setMonitorDiagnostics`).
   */
  onError?: MonitorFaultHandler;
}

/** The defaults of {@link BatchSpanProcessorOptions}. */
export const BATCH_SPAN_PROCESSOR_DEFAULTS = Object.freeze({
  maxQueueSize: 2048,
  maxExportBatchSize: 512,
  scheduledDelayMs: 5000,
  exportTimeoutMs: 30_000,
});

/** Longest pause after failed exports (unless `scheduledDelayMs` is longer). */
const MAX_FAILURE_PAUSE_MS = 30_000;

/**
 * Queues ended spans and exports them in batches from the background: when a batch is full
 * (on the next turn of the event loop) or `scheduledDelayMs` after the first queued span.
 *
 * After a failed export it pauses before the next one: `scheduledDelayMs`, doubled after each
 * failure in a row, up to 30 s. While the backend is down the application then pays only for
 * queueing (and, with the queue full, a counted drop), not for converting and encoding batches
 * that cannot be sent; what is queued goes out with the first export after the pause.
 * `forceFlush()` and `shutdown()` do not wait for the pause.
 *
 * `onEnd` only pushes onto a bounded queue: no I/O, no promise, no exporter code on the
 * application's call stack. A full queue drops new spans and counts them; a failing or hanging
 * exporter is counted and reported, never thrown; `forceFlush()` and `shutdown()` export
 * everything queued. Its timers are `unref()`ed, so it never keeps the process alive: call
 * `shutdown()` (or the tracer's) on exit to lose nothing.
 */
export class BatchSpanProcessor implements SpanProcessor {
  /** Resolved settings. */
  readonly options: Readonly<
    Required<Omit<BatchSpanProcessorOptions, 'onError' | 'shutdownTimeoutMs'>>
  >;
  private readonly life: ProcessorLifecycle;
  private queue: Span[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private draining: Promise<void> | undefined;
  /** Failed exports in a row; sets the pause before the next background export. */
  private failuresInARow = 0;
  private paused = false;
  private droppedReported = 0;
  private enqueued = 0;
  private settled = 0;
  private flushRequests = 0;

  /** @throws MonitorConfigError when an option is not a positive integer, or batch > queue. */
  constructor(exporter: SpanExporter, options: BatchSpanProcessorOptions = {}) {
    this.options = resolveOptions(options);
    this.life = new ProcessorLifecycle(exporter, 'batchSpanProcessor', options);
  }

  onEnd(span: Span): void {
    if (this.life.closing.requested) {
      this.life.dropped++;
      return;
    }
    const queue = this.queue;
    if (queue.length >= this.options.maxQueueSize) {
      this.life.dropped++;
      return;
    }
    queue.push(span);
    this.enqueued++;
    // A running drain picks it up; a pause after failures ends with a drain.
    if (this.draining !== undefined || this.paused) return;
    if (queue.length >= this.options.maxExportBatchSize) {
      if (this.immediate === undefined) this.scheduleNow();
    } else if (this.timer === undefined) {
      this.startTimer();
    }
  }

  /**
   * Export every span queued before the call (in batches), then flush the exporter. Never
   * rejects. Spans that keep arriving meanwhile do not hold it up.
   */
  async forceFlush(): Promise<void> {
    const target = this.enqueued;
    this.flushRequests++;
    try {
      while (this.settled < target) await this.drain();
    } finally {
      this.flushRequests--;
    }
    await this.life.flushExporter();
  }

  /**
   * Stop accepting spans, export what is queued, shut the exporter down, within
   * `shutdownTimeoutMs`. Idempotent; never rejects.
   */
  shutdown(): Promise<void> {
    return this.life.shutdown(
      () => this.forceFlush(),
      () => this.clearSchedule(),
    );
  }

  /** Counters since creation. */
  stats(): SpanProcessorStats {
    return this.life.stats(this.queue.length);
  }

  /** The wait before the next background export after `failuresInARow` failures. */
  private pauseMs(): number {
    const delay = this.options.scheduledDelayMs;
    return Math.min(delay * 2 ** (this.failuresInARow - 1), Math.max(delay, MAX_FAILURE_PAUSE_MS));
  }

  private scheduleNow(): void {
    this.immediate = setImmediate(() => {
      this.immediate = undefined;
      void this.drain();
    });
    this.immediate.unref();
  }

  private startTimer(delayMs = this.options.scheduledDelayMs): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.paused = false;
      void this.drain();
    }, delayMs);
    this.timer.unref();
  }

  private clearSchedule(): void {
    this.paused = false;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.immediate !== undefined) {
      clearImmediate(this.immediate);
      this.immediate = undefined;
    }
  }

  /**
   * Export from the queue, one export call at a time: the first batch whatever its size, then
   * full batches only (or everything while a flush waits).
   */
  private drain(): Promise<void> {
    this.clearSchedule();
    if (this.draining !== undefined) return this.draining;
    const draining = this.runDrain().finally(() => {
      this.draining = undefined;
      if (this.life.closing.requested) return;
      if (this.failuresInARow > 0) {
        this.paused = true;
        this.startTimer(this.pauseMs());
        return;
      }
      // Spans that arrived while the last export settled wait for their own schedule.
      if (this.queue.length > 0) {
        if (this.queue.length >= this.options.maxExportBatchSize) this.scheduleNow();
        else this.startTimer();
      }
    });
    this.draining = draining;
    return draining;
  }

  private async runDrain(): Promise<void> {
    this.reportDrops();
    const max = this.options.maxExportBatchSize;
    let first = true;
    while (
      this.queue.length >= max ||
      (this.queue.length > 0 && (first || this.flushRequests > 0))
    ) {
      first = false;
      let batch: Span[];
      if (this.queue.length <= max) {
        batch = this.queue;
        this.queue = [];
      } else {
        batch = this.queue.splice(0, max);
      }
      const ok = await this.exportBatch(batch);
      // After a failure only a waiting flush goes on; the background pauses (see drain()).
      if (!ok && this.flushRequests === 0) return;
    }
  }

  /** Export one batch; false when it failed (counted and reported). */
  private async exportBatch(batch: Span[]): Promise<boolean> {
    const views = batch.map((span) => span.toReadableSpan());
    const pending = exportSpans(this.life.exporter, views, this.options.exportTimeoutMs);
    let ok = true;
    if (pending === null) {
      this.life.exported += batch.length;
    } else {
      try {
        await pending;
        this.life.exported += batch.length;
      } catch (error) {
        ok = false;
        this.life.exportFailed(batch.length, error);
      }
    }
    this.failuresInARow = ok ? 0 : this.failuresInARow + 1;
    this.settled += batch.length;
    return ok;
  }

  /** Drops are counted on the hot path and reported here, off it. */
  private reportDrops(): void {
    const dropped = this.life.dropped;
    if (dropped === this.droppedReported) return;
    const newly = dropped - this.droppedReported;
    this.droppedReported = dropped;
    reportExportFault(
      this.life.component,
      this.life.onError,
      new SpanExportError(
        `Span queue full (maxQueueSize ${this.options.maxQueueSize}): ${newly} spans dropped. Raise maxQueueSize or make sure the exporter keeps up.`,
      ),
      'SPANS_DROPPED',
    );
  }
}

function resolveOptions(options: BatchSpanProcessorOptions): BatchSpanProcessor['options'] {
  const check = new FieldChecker('BatchSpanProcessor options');
  const d = BATCH_SPAN_PROCESSOR_DEFAULTS;
  const resolved = {
    maxQueueSize: options.maxQueueSize ?? d.maxQueueSize,
    maxExportBatchSize: options.maxExportBatchSize ?? d.maxExportBatchSize,
    scheduledDelayMs: options.scheduledDelayMs ?? d.scheduledDelayMs,
    exportTimeoutMs: options.exportTimeoutMs ?? d.exportTimeoutMs,
  };
  check.integerAtLeast('maxQueueSize', resolved.maxQueueSize, 1);
  check.integerAtLeast('maxExportBatchSize', resolved.maxExportBatchSize, 1);
  check.durationMs('scheduledDelayMs', resolved.scheduledDelayMs, { integer: true });
  check.durationMs('exportTimeoutMs', resolved.exportTimeoutMs, { integer: true });
  if (options.shutdownTimeoutMs !== undefined) {
    check.durationMs('shutdownTimeoutMs', options.shutdownTimeoutMs);
  }
  if (check.count === 0 && resolved.maxExportBatchSize > resolved.maxQueueSize) {
    check.add(
      'maxExportBatchSize',
      `must not exceed maxQueueSize (${resolved.maxQueueSize}), got ${resolved.maxExportBatchSize}`,
    );
  }
  check.throwIfInvalid();
  return Object.freeze(resolved);
}

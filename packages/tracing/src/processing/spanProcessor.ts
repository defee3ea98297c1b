import type { Span } from '../span/span.js';

/**
 * Receives spans as they end and passes them on to an exporter. `onEnd` runs on the
 * application's hot path: it must not throw, block or do I/O.
 */
export interface SpanProcessor {
  /** A sampled span ended. */
  onEnd(span: Span): void;
  /** Export everything received so far; resolves when done (never rejects). */
  forceFlush(): Promise<void>;
  /** Flush, then shut the exporter down; later spans are dropped. Idempotent. */
  shutdown(): Promise<void>;
}

/** Counters every processor keeps. */
export interface SpanProcessorStats {
  /** Spans handed to the exporter successfully. */
  readonly exportedSpans: number;
  /** Spans dropped: queue full, or ended after shutdown. */
  readonly droppedSpans: number;
  /** Spans in batches the exporter failed (threw, rejected or timed out). */
  readonly failedSpans: number;
  /** Failed export calls. */
  readonly failedExports: number;
  /** Spans waiting to be exported. */
  readonly queuedSpans: number;
}

import type { ReadableSpanData } from '../model/spanData.js';

/** Sends finished spans somewhere (console, memory, OTLP). */
export interface SpanExporter {
  /** Export a batch. A rejection counts as a failed export; processors never let it escape. */
  export(spans: readonly ReadableSpanData[]): Promise<void> | void;
  /** Export anything buffered. */
  forceFlush?(): Promise<void>;
  /** Release resources; later exports are dropped. */
  shutdown?(): Promise<void>;
}

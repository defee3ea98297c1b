import type { ReadableSpanData, SpanExporter } from '@lexigram/monitor-core';

/** Options of {@link InMemorySpanExporter}. */
export interface InMemorySpanExporterOptions {
  /** Most spans kept; the oldest go first. Default 10000. */
  maxSpans?: number;
}

/**
 * Keeps exported spans in memory (bounded), for tests and demos.
 *
 * @example
 * ```ts
 * const exporter = new InMemorySpanExporter();
 * const tracer = new Tracer({ exporter, processor: 'simple' });
 * tracer.startSpan('x').end();
 * exporter.getFinishedSpans()[0]?.name; // 'x'
 * ```
 */
export class InMemorySpanExporter implements SpanExporter {
  private spans: ReadableSpanData[] = [];
  private readonly maxSpans: number;
  private stopped = false;

  constructor(options: InMemorySpanExporterOptions = {}) {
    this.maxSpans = Math.max(1, options.maxSpans ?? 10_000);
  }

  export(spans: readonly ReadableSpanData[]): void {
    if (this.stopped) return;
    this.spans.push(...spans);
    if (this.spans.length > this.maxSpans) this.spans.splice(0, this.spans.length - this.maxSpans);
  }

  /** Spans exported so far, oldest first. */
  getFinishedSpans(): readonly ReadableSpanData[] {
    return [...this.spans];
  }

  /** Forget every span. */
  reset(): void {
    this.spans = [];
  }

  async shutdown(): Promise<void> {
    this.stopped = true;
    this.spans = [];
  }
}

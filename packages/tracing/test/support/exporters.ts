import type { ReadableSpanData, SpanExporter } from '@lexigram/monitor-core';

/** An exporter that records each batch it gets and can be made to fail or hang. */
export class ScriptedExporter implements SpanExporter {
  readonly batches: string[][] = [];
  mode: 'ok' | 'throw' | 'reject' | 'hang' | 'slow' = 'ok';
  slowMs = 20;
  shutdownCalls = 0;
  flushCalls = 0;
  /** Export calls, failed ones included. */
  attempts = 0;

  export(spans: readonly ReadableSpanData[]): Promise<void> | void {
    this.attempts++;
    const names = spans.map((s) => s.name);
    switch (this.mode) {
      case 'throw':
        throw new Error('exporter threw');
      case 'reject':
        return Promise.reject(new Error('collector unreachable'));
      case 'hang':
        return new Promise<void>(() => {});
      case 'slow':
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            this.batches.push(names);
            resolve();
          }, this.slowMs),
        );
      default:
        this.batches.push(names);
    }
  }

  async forceFlush(): Promise<void> {
    this.flushCalls++;
  }

  async shutdown(): Promise<void> {
    this.shutdownCalls++;
  }

  /** Every exported span name, in order. */
  get names(): string[] {
    return this.batches.flat();
  }
}

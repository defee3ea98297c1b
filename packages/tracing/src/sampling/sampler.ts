import type { SpanContextData, SpanKind } from '@lexigram/monitor-core';

/**
 * Decides whether a new span is recorded and exported (sampled). Called on every span start, so
 * implementations must be cheap and must not allocate.
 */
export interface Sampler {
  /**
   * True to record and sample the span.
   *
   * @param traceId - trace id of the new span (the parent's, or a new one for a root).
   * @param parent - the parent's context, `isRemote` set when it came from another process;
   *   `undefined` for a root span.
   */
  shouldSample(
    traceId: string,
    parent: SpanContextData | undefined,
    name: string,
    kind: SpanKind,
  ): boolean;
  /** A description such as `TraceIdRatioSampler{0.25}`. */
  toString(): string;
}

import type { ResourceData } from '@lexigram/monitor-core';
import type { Span } from './span.js';
import type { SpanLimits } from './spanLimits.js';

/** Name and version of the library that created a span. */
export interface InstrumentationScope {
  readonly name: string;
  readonly version?: string | undefined;
}

/** What a recording span needs from the tracer that started it. */
export interface SpanOwner {
  readonly limits: SpanLimits;
  readonly resource: ResourceData;
  readonly instrumentationScope: InstrumentationScope;
  /** @internal Called once, when the span ends. Never throws. */
  onSpanEnd(span: Span): void;
}

import type { BoundGauge, SpanProtocol } from '@lexigram/monitor-core';

/** The state of one request under way. Created by `HttpInstrumentation.start`. */
export class RequestRecord {
  /** `performance.now()` at the start. */
  readonly startMs: number;
  /** Index into the known methods (see `methodIndex`). */
  readonly methodIndex: number;
  /** The server span, when a tracer is configured. */
  readonly span: SpanProtocol | undefined;
  /** The active-requests series it was counted in. */
  readonly active: BoundGauge | undefined;
  /** Route template, once known. */
  route: string | undefined = undefined;
  /** An error the handler threw, if any. */
  error: unknown = undefined;
  /** Request body size in bytes, when known. */
  requestBodySize: number | undefined = undefined;
  /** True once ended. */
  ended = false;

  constructor(
    startMs: number,
    methodIndex: number,
    span: SpanProtocol | undefined,
    active: BoundGauge | undefined,
  ) {
    this.startMs = startMs;
    this.methodIndex = methodIndex;
    this.span = span;
    this.active = active;
  }
}

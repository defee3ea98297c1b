import type { Attributes, HrTime, SpanContextData, SpanProtocol } from '@lexigram/monitor-core';
import { InertSpan } from '@lexigram/monitor-core/internal';
import { newSpanId, newTraceId } from '../ids/randomIds.js';

const NO_ATTRIBUTES: Attributes = Object.freeze({});

/**
 * A span of an unsampled trace: it records nothing but carries a span context, so the trace id
 * and the "not sampled" decision propagate downstream and to child spans. Its ids are drawn
 * only when something reads its context, which keeps unsampled spans nearly free.
 */
export class NonRecordingSpan extends InertSpan implements SpanProtocol {
  private readonly _name: string;
  private readonly _traceId: string | undefined;
  private readonly _traceFlags: number;
  private readonly _traceState: string | undefined;
  private _context: SpanContextData | undefined;
  private _ended = false;

  /**
   * A non-recording span in trace `traceId` (a new trace, its id drawn on first read, when
   * `undefined`), or wrapping `context` as it is (for example a remote context made active).
   */
  constructor(
    name: string,
    traceId: string | undefined,
    traceFlags: number,
    traceState?: string,
    context?: SpanContextData,
  ) {
    super();
    this._name = name;
    this._traceId = traceId;
    this._traceFlags = traceFlags;
    this._traceState = traceState;
    this._context = context;
  }

  /** A non-recording span standing for `context`. */
  static wrap(context: SpanContextData, name = 'remote'): NonRecordingSpan {
    return new NonRecordingSpan(
      name,
      context.traceId,
      context.traceFlags,
      context.traceState,
      context,
    );
  }

  get name(): string {
    return this._name;
  }

  /** Always empty: nothing is recorded. */
  get attributes(): Attributes {
    return NO_ATTRIBUTES;
  }

  get ended(): boolean {
    return this._ended;
  }

  spanContext(): SpanContextData {
    return (this._context ??= {
      traceId: this._traceId ?? newTraceId(),
      spanId: newSpanId(),
      traceFlags: this._traceFlags,
      traceState: this._traceState,
    });
  }

  setAttribute(_key: string, _value: unknown): this {
    return this;
  }

  setAttributes(_attributes: Readonly<Record<string, unknown>>): this {
    return this;
  }

  end(_endTime?: HrTime | number): void {
    this._ended = true;
  }
}

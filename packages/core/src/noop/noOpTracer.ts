import type { SpanProtocol } from '../contracts/span.js';
import type {
  StartSpanOptions,
  TextMapGetterCarrier,
  TextMapSetterCarrier,
  TracerProtocol,
} from '../contracts/tracer.js';
import type { SpanContextData } from '../model/spanData.js';
import {
  activeSpanFn,
  activeSpanOptions,
  type OptionsOrFn,
  type SpanFn,
} from '../internal/activeSpanArgs.js';
import { NOOP_SPAN, NoOpSpan } from './noOpSpan.js';

/** Options of {@link NoOpTracer}. */
export interface NoOpTracerOptions {
  /**
   * Hand out a fresh {@link NoOpSpan} per call that keeps its attributes, for tests that check
   * what code set. Default false: every call returns the shared {@link NOOP_SPAN}.
   */
  keepAttributes?: boolean;
}

/**
 * A tracer that returns no-op spans: what code gets when tracing is not configured. By default
 * it allocates nothing per span.
 */
export class NoOpTracer implements TracerProtocol {
  private readonly keepAttributes: boolean;

  constructor(options: NoOpTracerOptions = {}) {
    this.keepAttributes = options.keepAttributes ?? false;
  }

  startSpan(name: string, options?: StartSpanOptions): SpanProtocol {
    if (!this.keepAttributes) return NOOP_SPAN;
    return new NoOpSpan(name, options?.attributes ? { attributes: options.attributes } : {});
  }

  startActiveSpan<T>(name: string, fn: (span: SpanProtocol) => T): T;
  startActiveSpan<T>(name: string, options: StartSpanOptions, fn: (span: SpanProtocol) => T): T;
  startActiveSpan<T>(name: string, optionsOrFn: OptionsOrFn<T>, maybeFn?: SpanFn<T>): T {
    const fn = activeSpanFn(optionsOrFn, maybeFn)!;
    return fn(this.startSpan(name, activeSpanOptions(optionsOrFn)));
  }

  /** Always undefined: a no-op tracer has no active span. */
  getCurrentSpan(): SpanProtocol | undefined {
    return undefined;
  }

  /** Leaves the carrier unchanged. */
  injectContext(_carrier: TextMapSetterCarrier, _context?: SpanContextData): void {}

  /** Always undefined. */
  extractContext(_carrier: TextMapGetterCarrier): SpanContextData | undefined {
    return undefined;
  }
}

/** The shared no-op tracer. */
export const NOOP_TRACER: NoOpTracer = new NoOpTracer();

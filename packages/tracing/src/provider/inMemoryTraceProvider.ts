import type {
  SpanContextData,
  SpanExporter,
  SpanProtocol,
  StartSpanOptions,
  TextMapGetterCarrier,
  TextMapSetterCarrier,
  TracerProtocol,
  TracingConfig,
} from '@lexigram/monitor-core';
import type { OptionsOrFn, SpanFn } from '@lexigram/monitor-core/internal';
import { enterSpan } from '../context/contextStorage.js';
import type { Span } from '../span/span.js';
import { Tracer } from '../tracer/tracer.js';
import { DEFAULT_MAX_SPANS } from '../tracer/tracerOptions.js';

/** Options of {@link InMemoryTraceProvider}. */
export interface InMemoryTraceProviderOptions {
  /** Default `'lexigram-service'`. */
  serviceName?: string;
  /** Spans kept in memory. Default 1000. */
  maxSpans?: number;
  /** Also export each span as it ends (simple processor). */
  exporter?: SpanExporter;
  /** Tracing settings (sampler, propagation, limits). */
  config?: Partial<TracingConfig>;
}

/**
 * A trace provider that keeps spans in memory through a {@link Tracer}: for tests, demos and
 * small tools. It is itself a `TracerProtocol`, so it can be handed to `ObservabilityService`.
 *
 * @example
 * ```ts
 * const provider = new InMemoryTraceProvider('checkout');
 * provider.startActiveSpan('work', () => {});
 * provider.getAllSpans()[0]?.name; // 'work'
 * ```
 */
export class InMemoryTraceProvider implements TracerProtocol {
  /** The tracer spans are created with. */
  readonly tracer: Tracer;

  constructor(serviceName?: string, maxSpans?: number, exporter?: SpanExporter);
  constructor(options: InMemoryTraceProviderOptions);
  constructor(
    serviceNameOrOptions: string | InMemoryTraceProviderOptions = {},
    maxSpans: number = DEFAULT_MAX_SPANS,
    exporter?: SpanExporter,
  ) {
    const options: InMemoryTraceProviderOptions =
      typeof serviceNameOrOptions === 'string'
        ? { serviceName: serviceNameOrOptions, maxSpans, exporter }
        : serviceNameOrOptions;
    this.tracer = new Tracer({
      serviceName: options.serviceName ?? 'lexigram-service',
      maxSpans: options.maxSpans ?? DEFAULT_MAX_SPANS,
      ...(options.exporter ? { exporter: options.exporter, processor: 'simple' as const } : {}),
      ...(options.config ? { config: options.config } : {}),
    });
  }

  startSpan(name: string, options?: StartSpanOptions): SpanProtocol {
    return this.tracer.startSpan(name, options);
  }

  startActiveSpan<T>(name: string, fn: (span: SpanProtocol) => T): T;
  startActiveSpan<T>(name: string, options: StartSpanOptions, fn: (span: SpanProtocol) => T): T;
  startActiveSpan<T>(name: string, optionsOrFn: OptionsOrFn<T>, maybeFn?: SpanFn<T>): T {
    return typeof optionsOrFn === 'function'
      ? this.tracer.startActiveSpan(name, optionsOrFn)
      : this.tracer.startActiveSpan(name, optionsOrFn, maybeFn!);
  }

  /** The span active in the current async context, if any. */
  getCurrentSpan(): SpanProtocol | undefined {
    return this.tracer.getCurrentSpan();
  }

  /**
   * Make `span` (or none, with `null`) the current span for the rest of this synchronous run and
   * the async work it starts. Prefer `startActiveSpan`, which scopes it to a callback.
   */
  setCurrentSpan(span: SpanProtocol | null): void {
    enterSpan(span ?? undefined);
  }

  /** Spans recorded so far, oldest first (at most `maxSpans`). */
  getAllSpans(): Span[] {
    return this.tracer.getAllSpans();
  }

  /** Forget the recorded spans. */
  clear(): void {
    this.tracer.clearSpans();
  }

  injectContext(carrier: TextMapSetterCarrier, context?: SpanContextData): void {
    this.tracer.injectContext(carrier, context);
  }

  extractContext(carrier: TextMapGetterCarrier): SpanContextData | undefined {
    return this.tracer.extractContext(carrier);
  }

  /** Flush and shut down the exporter, if any. */
  shutdown(): Promise<void> {
    return this.tracer.shutdown();
  }
}

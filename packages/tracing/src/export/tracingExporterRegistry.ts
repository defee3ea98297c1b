import {
  HandlerRegistry,
  type ExporterHandler,
  type SpanExporter,
  type TypedConfig,
} from '@lexigram/monitor-core';
import { ConsoleSpanExporter, type ConsoleSpanExporterOptions } from './consoleSpanExporter.js';
import { InMemorySpanExporter, type InMemorySpanExporterOptions } from './inMemorySpanExporter.js';

/** Config of a tracing exporter: a `type` plus that exporter's own options. */
export interface TracingExporterConfig extends TypedConfig {
  readonly [option: string]: unknown;
}

/** A handler that creates span exporters of one type. */
export type TracingExporterHandler = ExporterHandler<TracingExporterConfig, SpanExporter>;

/** Creates a {@link ConsoleSpanExporter} for type `console`. */
export class ConsoleTracingExporterHandler implements TracingExporterHandler {
  canHandle(type: string): boolean {
    return type === 'console';
  }

  /** `config` may carry {@link ConsoleSpanExporterOptions} (`format`, `write`). */
  create(config: TracingExporterConfig): SpanExporter {
    return new ConsoleSpanExporter(config as ConsoleSpanExporterOptions);
  }
}

/** Creates an {@link InMemorySpanExporter} for type `memory`. */
export class InMemoryTracingExporterHandler implements TracingExporterHandler {
  canHandle(type: string): boolean {
    return type === 'memory';
  }

  /** `config` may carry {@link InMemorySpanExporterOptions} (`maxSpans`). */
  create(config: TracingExporterConfig): SpanExporter {
    return new InMemorySpanExporter(config as InMemorySpanExporterOptions);
  }
}

/**
 * Creates span exporters from config by asking its handlers in turn; a handler registered later
 * is asked first, so it can override a built-in type. Backend packages (such as the OTLP one)
 * register their handlers here.
 *
 * @example
 * ```ts
 * const registry = TracingExporterRegistry.withDefaults();
 * const exporter = registry.createExporter({ type: 'console', format: 'text' });
 * ```
 */
export class TracingExporterRegistry extends HandlerRegistry<TracingExporterConfig, SpanExporter> {
  /** A registry with the built-in handlers: `console` and `memory`. */
  static withDefaults(): TracingExporterRegistry {
    return new TracingExporterRegistry()
      .register(new InMemoryTracingExporterHandler())
      .register(new ConsoleTracingExporterHandler());
  }
}

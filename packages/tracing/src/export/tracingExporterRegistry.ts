import {
  DiscoveringHandlerRegistry,
  type ExporterDiscoveryOptions,
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
 * is asked first, so it can override a built-in type. A type no handler provides is looked up in
 * core's `KNOWN_EXPORTER_PACKAGES`: `otlp` loads `@lexigram/monitor-backend-otel` when the
 * application has it installed, with nothing to register.
 *
 * @example
 * ```ts
 * const registry = TracingExporterRegistry.withDefaults();
 * const exporter = registry.createExporter({ type: 'console', format: 'text' });
 * ```
 */
export class TracingExporterRegistry extends DiscoveringHandlerRegistry<
  TracingExporterConfig,
  SpanExporter
> {
  /** An empty registry; `options` says where installed exporter packages are looked up. */
  constructor(options?: ExporterDiscoveryOptions) {
    super('tracing', options);
  }

  /** A registry with the built-in handlers: `console` and `memory`. */
  static withDefaults(options?: ExporterDiscoveryOptions): TracingExporterRegistry {
    return new TracingExporterRegistry(options)
      .register(new InMemoryTracingExporterHandler())
      .register(new ConsoleTracingExporterHandler());
  }
}

import { DiscoveringHandlerRegistry, type ExporterDiscoveryOptions } from '@lexigram/monitor-core';
import { ConsoleMetricsExporterHandler } from './consoleMetricsExporterHandler.js';
import type { MetricsExporter, MetricsExporterConfig } from './metricsExporter.js';

/**
 * The metrics exporter handlers: `register` puts a handler first (so it overrides a built-in for
 * the same type), `createExporter({ type })` asks each in turn. A type no handler provides is
 * looked up in core's `KNOWN_EXPORTER_PACKAGES`: `otlp` loads `@lexigram/monitor-backend-otel`
 * when the application has it installed, with nothing to register.
 *
 * @example
 * ```ts
 * const registry = MetricsExporterRegistry.withDefaults();
 * const exporter = registry.createExporter({ type: 'console' });
 * ```
 */
export class MetricsExporterRegistry extends DiscoveringHandlerRegistry<
  MetricsExporterConfig,
  MetricsExporter
> {
  /** An empty registry; `options` says where installed exporter packages are looked up. */
  constructor(options?: ExporterDiscoveryOptions) {
    super('metrics', options);
  }

  /** A registry with the built-in handlers: `console`. */
  static withDefaults(options?: ExporterDiscoveryOptions): MetricsExporterRegistry {
    return new MetricsExporterRegistry(options).register(new ConsoleMetricsExporterHandler());
  }
}

import { HandlerRegistry } from '@lexigram/monitor-core';
import { ConsoleMetricsExporterHandler } from './consoleMetricsExporterHandler.js';
import type { MetricsExporter, MetricsExporterConfig } from './metricsExporter.js';

/**
 * The metrics exporter handlers: `register` puts a handler first (so it overrides a built-in for
 * the same type), `createExporter({ type })` asks each in turn. Backend packages register their
 * own (OTLP, ...).
 *
 * @example
 * ```ts
 * const registry = MetricsExporterRegistry.withDefaults();
 * const exporter = registry.createExporter({ type: 'console' });
 * ```
 */
export class MetricsExporterRegistry extends HandlerRegistry<
  MetricsExporterConfig,
  MetricsExporter
> {
  /** A registry with the built-in handlers: `console`. */
  static withDefaults(): MetricsExporterRegistry {
    return new MetricsExporterRegistry().register(new ConsoleMetricsExporterHandler());
  }
}

import { OTLPMetricsExporterHandler } from './otlpMetricsExporterHandler.js';
import { OTLPTracingExporterHandler } from './otlpTracingExporterHandler.js';

/**
 * Anything handlers can be registered into: `monitor-tracing`'s `TracingExporterRegistry`,
 * `monitor-metrics`' `MetricsExporterRegistry`, or core's `HandlerRegistry`.
 */
export interface HandlerSink {
  register(handler: never): unknown;
}

/**
 * Register the `otlp` handlers into the given registries (either may be left out), so that
 * `registry.createExporter({ type: 'otlp', endpoint })` gives an OTLP exporter.
 *
 * @example
 * ```ts
 * const tracing = TracingExporterRegistry.withDefaults();
 * const metrics = MetricsExporterRegistry.withDefaults();
 * registerOtlpExporters({ tracing, metrics });
 * ```
 */
export function registerOtlpExporters(registries: {
  tracing?: HandlerSink | undefined;
  metrics?: HandlerSink | undefined;
}): void {
  (registries.tracing?.register as ((h: unknown) => unknown) | undefined)?.call(
    registries.tracing,
    new OTLPTracingExporterHandler(),
  );
  (registries.metrics?.register as ((h: unknown) => unknown) | undefined)?.call(
    registries.metrics,
    new OTLPMetricsExporterHandler(),
  );
}

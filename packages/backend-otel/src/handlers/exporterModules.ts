import { OTLPMetricsExporterHandler } from './otlpMetricsExporterHandler.js';
import { OTLPTracingExporterHandler } from './otlpTracingExporterHandler.js';

/**
 * The tracing exporter handlers this package provides, under a well-known export name (like
 * `monitorBackends` for backends) so exporter registries can discover them.
 */
export const monitorTracingExporters: readonly OTLPTracingExporterHandler[] = [
  new OTLPTracingExporterHandler(),
];

/** The metrics exporter handlers this package provides, for discovery. */
export const monitorMetricsExporters: readonly OTLPMetricsExporterHandler[] = [
  new OTLPMetricsExporterHandler(),
];

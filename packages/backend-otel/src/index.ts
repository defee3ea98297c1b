/**
 * `@lexigram/monitor-backend-otel`: OTLP export of core spans and metric snapshots, the `otlp`
 * exporter handlers, and a NodeSDK-based OpenTelemetry backend.
 *
 * @packageDocumentation
 */
export { OtlpSpanExporter, type OtlpSpanExporterOptions } from './spans/otlpSpanExporter.js';
export { OtelSpanConverter } from './spans/toOtelSpan.js';
export {
  resolveOtlpOptions,
  parseHeaders,
  type OtlpExporterOptions,
  type OtlpProtocol,
  type OtlpSignal,
  type ResolvedOtlpOptions,
} from './config/resolveOtlpOptions.js';
export { OtlpExportError, type OtlpExportStats } from './transport/otlpExportPipeline.js';
export { OtlpHttpError, parseRetryAfter } from './transport/httpTransport.js';
export { RETRY_DEFAULTS, type RetryOptions } from './transport/retryingTransport.js';
export {
  OtlpMetricsExporter,
  type OtlpMetricsExporterOptions,
} from './metrics/otlpMetricsExporter.js';
export type { TemporalityPreference } from './metrics/snapshotToOtlp.js';
export {
  OpenTelemetryBackend,
  type OpenTelemetryBackendOptions,
} from './backend/openTelemetryBackend.js';
export { OtelSpan } from './backend/otelSpan.js';
export { monitorBackends, openTelemetryBackendHandler } from './backend/backendHandler.js';
export { OTLPTracingExporterHandler } from './handlers/otlpTracingExporterHandler.js';
export { OTLPMetricsExporterHandler } from './handlers/otlpMetricsExporterHandler.js';
export { type OtlpHandlerConfig } from './handlers/exporterConfig.js';
export { registerOtlpExporters, type HandlerSink } from './handlers/registerOtlpExporters.js';
export { monitorMetricsExporters, monitorTracingExporters } from './handlers/exporterModules.js';
export { getMetricsExporter } from './config/getMetricsExporter.js';
export { DEFAULT_SERVICE_NAME, detectResourceAttributes } from './config/detectResource.js';
export { OtlpSdkSpanExporter } from './sdk/otlpSdkSpanExporter.js';
export { OtlpSdkMetricExporter } from './sdk/otlpSdkMetricExporter.js';

// Version
export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
export { monitorContribution } from './monitorContribution.js';

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

import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { OtlpExporterOptions } from '../config/resolveOtlpOptions.js';
import { SdkPipelineExporter } from './sdkPipelineExporter.js';

/**
 * An OpenTelemetry SDK `SpanExporter` on this package's OTLP pipeline: the same settings,
 * retries and fault reports as {@link OtlpSpanExporter}, for spans made by OpenTelemetry's own
 * tracer (the {@link OpenTelemetryBackend} uses it inside `NodeSDK`).
 */
export class OtlpSdkSpanExporter
  extends SdkPipelineExporter<ReadableSpan[]>
  implements SpanExporter
{
  /** @throws MonitorConfigError when an option or `OTEL_EXPORTER_OTLP_*` variable is invalid. */
  constructor(options: OtlpExporterOptions = {}) {
    super('traces', options, (resolved) => ({
      signal: 'traces',
      component: 'backend-otel.openTelemetryBackend',
      serializer: resolved.protocol === 'http/json' ? JsonTraceSerializer : ProtobufTraceSerializer,
      itemName: 'span',
      countItems: (spans) => spans.length,
    }));
  }
}

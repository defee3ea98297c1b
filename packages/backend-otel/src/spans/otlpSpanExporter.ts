import type { ReadableSpanData, SpanExporter } from '@lexigram/monitor-core';
import {
  JsonTraceSerializer,
  ProtobufTraceSerializer,
  type ISerializer,
  type IExportTraceServiceResponse,
} from '@opentelemetry/otlp-transformer';
import { detectResourceAttributes } from '../config/detectResource.js';
import type { OtlpExporterOptions, ResolvedOtlpOptions } from '../config/resolveOtlpOptions.js';
import { PipelineExporter } from '../transport/pipelineExporter.js';
import { SpanProtobufEncoder } from './encodeSpansProtobuf.js';
import { OtelSpanConverter } from './toOtelSpan.js';

/** Options of {@link OtlpSpanExporter}. */
export interface OtlpSpanExporterOptions extends OtlpExporterOptions {
  /**
   * Resource attributes under every span's own (e.g. `deployment.environment`), over those of
   * `OTEL_RESOURCE_ATTRIBUTES`.
   */
  resourceAttributes?: Readonly<Record<string, string | number | boolean>>;
  /** Longest `shutdown()` waits for exports in flight before aborting them. Default 5000. */
  shutdownTimeoutMs?: number;
}

/**
 * A core {@link SpanExporter} that sends `monitor-tracing` spans to an OpenTelemetry collector
 * over OTLP/HTTP through OpenTelemetry's export delegate: protobuf written straight from core's
 * span data by this package's encoder (checked against OpenTelemetry's serializer in the tests),
 * JSON through OpenTelemetry's serializer. Retries follow the OTLP specification (429/503 `Retry-After`, jittered backoff within
 * `timeoutMs`); what is lost is counted in {@link OtlpSpanExporter.stats} and reported through
 * core's fault channel. Put it behind `monitor-tracing`'s `BatchSpanProcessor`, whose bounded
 * queue keeps the hot path free while the collector is down.
 *
 * @example
 * ```ts
 * const exporter = new OtlpSpanExporter({ config: { endpoint: 'http://collector:4318' } });
 * const tracer = new Tracer({ processors: [new BatchSpanProcessor(exporter)] });
 * ```
 */
export class OtlpSpanExporter
  extends PipelineExporter<readonly ReadableSpanData[]>
  implements SpanExporter
{
  /** @throws MonitorConfigError when an option or `OTEL_EXPORTER_OTLP_*` variable is invalid. */
  constructor(options: OtlpSpanExporterOptions = {}) {
    super(
      'traces',
      options,
      (resolved) => ({
        signal: 'traces',
        component: 'backend-otel.otlpSpanExporter',
        // Detected attributes (OTEL_RESOURCE_ATTRIBUTES) sit under each span's own resource.
        serializer: spanSerializer(
          resolved.protocol,
          detectResourceAttributes(options.resourceAttributes, undefined, options.env !== false),
        ),
        itemName: 'span',
        countItems: (spans) => spans.length,
      }),
      options.shutdownTimeoutMs ?? 5000,
    );
  }

  /** Send one batch; rejects (after reporting) when the collector did not take it. */
  export(spans: readonly ReadableSpanData[]): Promise<void> {
    return this.pipeline.send(spans);
  }
}

/** Our protobuf encoder, or OpenTelemetry's JSON serializer over converted spans. */
function spanSerializer(
  protocol: ResolvedOtlpOptions['protocol'],
  resource: Readonly<Record<string, string | number | boolean>>,
): ISerializer<readonly ReadableSpanData[], IExportTraceServiceResponse> {
  if (protocol === 'http/json') {
    const converter = new OtelSpanConverter(resource);
    return {
      serializeRequest: (spans) =>
        JsonTraceSerializer.serializeRequest(spans.map((s) => converter.convert(s))),
      deserializeResponse: (data) => JsonTraceSerializer.deserializeResponse(data),
    };
  }
  const encoder = new SpanProtobufEncoder(resource);
  return {
    serializeRequest: (spans) => encoder.encode(spans),
    deserializeResponse: (data) => ProtobufTraceSerializer.deserializeResponse(data),
  };
}

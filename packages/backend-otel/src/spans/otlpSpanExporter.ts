import type { ReadableSpanData, SpanExporter } from '@lexigram/monitor-core';
import {
  JsonTraceSerializer,
  ProtobufTraceSerializer,
  type ISerializer,
  type IExportTraceServiceResponse,
} from '@opentelemetry/otlp-transformer';
import { detectResourceAttributes } from '../config/detectResource.js';
import {
  resolveOtlpOptions,
  type OtlpExporterOptions,
  type ResolvedOtlpOptions,
} from '../config/resolveOtlpOptions.js';
import { OtlpExportPipeline, type OtlpExportStats } from '../transport/otlpExportPipeline.js';
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
export class OtlpSpanExporter implements SpanExporter {
  /** The settings in use, after environment variables and config were applied. */
  readonly options: ResolvedOtlpOptions;
  private readonly pipeline: OtlpExportPipeline<readonly ReadableSpanData[]>;
  private readonly shutdownTimeoutMs: number;

  /** @throws MonitorConfigError when an option or `OTEL_EXPORTER_OTLP_*` variable is invalid. */
  constructor(options: OtlpSpanExporterOptions = {}) {
    this.options = resolveOtlpOptions('traces', options);
    // Detected attributes (OTEL_RESOURCE_ATTRIBUTES) sit under each span's own resource.
    const detected = detectResourceAttributes(
      options.resourceAttributes,
      undefined,
      options.env !== false,
    );
    this.shutdownTimeoutMs = options.shutdownTimeoutMs ?? 5000;
    this.pipeline = new OtlpExportPipeline(
      {
        signal: 'traces',
        component: 'backend-otel.otlpSpanExporter',
        serializer: spanSerializer(this.options.protocol, detected),
        itemName: 'span',
        countItems: (spans) => spans.length,
      },
      this.options,
    );
  }

  /** Send one batch; rejects (after reporting) when the collector did not take it. */
  export(spans: readonly ReadableSpanData[]): Promise<void> {
    return this.pipeline.send(spans);
  }

  /** Wait for exports in flight. */
  async forceFlush(): Promise<void> {
    await this.pipeline.flush(Date.now() + this.options.timeoutMs);
  }

  /** Finish exports in flight within `shutdownTimeoutMs`, then abort the rest. */
  shutdown(): Promise<void> {
    return this.pipeline.shutdown(this.shutdownTimeoutMs);
  }

  /** Spans exported and dropped so far. */
  stats(): OtlpExportStats {
    return this.pipeline.stats();
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

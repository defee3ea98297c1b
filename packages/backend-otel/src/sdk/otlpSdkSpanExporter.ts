import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import {
  JsonTraceSerializer,
  ProtobufTraceSerializer,
  type IExportTraceServiceResponse,
  type ISerializer,
} from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import {
  resolveOtlpOptions,
  type OtlpExporterOptions,
  type ResolvedOtlpOptions,
} from '../config/resolveOtlpOptions.js';
import { OtlpExportPipeline, type OtlpExportStats } from '../transport/otlpExportPipeline.js';

/**
 * An OpenTelemetry SDK `SpanExporter` on this package's OTLP pipeline: the same settings,
 * retries and fault reports as {@link OtlpSpanExporter}, for spans made by OpenTelemetry's own
 * tracer (the {@link OpenTelemetryBackend} uses it inside `NodeSDK`).
 */
export class OtlpSdkSpanExporter implements SpanExporter {
  /** Settings in use. */
  readonly options: ResolvedOtlpOptions;
  private readonly pipeline: OtlpExportPipeline<ReadableSpan[]>;

  constructor(options: OtlpExporterOptions = {}) {
    this.options = resolveOtlpOptions('traces', options);
    const serializer: ISerializer<ReadableSpan[], IExportTraceServiceResponse> =
      this.options.protocol === 'http/json' ? JsonTraceSerializer : ProtobufTraceSerializer;
    this.pipeline = new OtlpExportPipeline(
      {
        signal: 'traces',
        component: 'backend-otel.openTelemetryBackend',
        serializer,
        itemName: 'span',
        countItems: (spans) => spans.length,
      },
      this.options,
    );
  }

  /** SDK callback style; never throws. */
  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.pipeline.send(spans).then(
      () => resultCallback({ code: ExportResultCode.SUCCESS }),
      (error: unknown) =>
        resultCallback({
          code: ExportResultCode.FAILED,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
  }

  /** Wait for exports in flight. */
  async forceFlush(): Promise<void> {
    await this.pipeline.flush(Date.now() + this.options.timeoutMs);
  }

  /** Finish exports in flight within the export timeout, then abort them. */
  shutdown(): Promise<void> {
    return this.pipeline.shutdown(this.options.timeoutMs);
  }

  /** Abort exports in flight now (a shutdown deadline has passed). */
  abort(): Promise<void> {
    return this.pipeline.shutdown(0);
  }

  /** Spans exported and dropped so far. */
  stats(): OtlpExportStats {
    return this.pipeline.stats();
  }
}

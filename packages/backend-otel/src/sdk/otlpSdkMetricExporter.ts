import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import {
  JsonMetricsSerializer,
  ProtobufMetricsSerializer,
  type IExportMetricsServiceResponse,
  type ISerializer,
} from '@opentelemetry/otlp-transformer';
import {
  AggregationTemporality,
  type PushMetricExporter,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import {
  resolveOtlpOptions,
  type OtlpExporterOptions,
  type ResolvedOtlpOptions,
} from '../config/resolveOtlpOptions.js';
import { OtlpExportPipeline, type OtlpExportStats } from '../transport/otlpExportPipeline.js';

/**
 * An OpenTelemetry SDK `PushMetricExporter` on this package's OTLP pipeline (OpenTelemetry's
 * metric serializers, our retrying transport and fault reports), used by
 * {@link OpenTelemetryBackend}'s periodic reader.
 */
export class OtlpSdkMetricExporter implements PushMetricExporter {
  /** Settings in use. */
  readonly options: ResolvedOtlpOptions;
  private readonly pipeline: OtlpExportPipeline<ResourceMetrics>;
  private readonly temporality: AggregationTemporality;

  constructor(options: OtlpExporterOptions & { temporality?: 'cumulative' | 'delta' } = {}) {
    this.options = resolveOtlpOptions('metrics', options);
    this.temporality =
      options.temporality === 'delta'
        ? AggregationTemporality.DELTA
        : AggregationTemporality.CUMULATIVE;
    const serializer: ISerializer<ResourceMetrics, IExportMetricsServiceResponse> =
      this.options.protocol === 'http/json' ? JsonMetricsSerializer : ProtobufMetricsSerializer;
    this.pipeline = new OtlpExportPipeline(
      {
        signal: 'metrics',
        component: 'backend-otel.openTelemetryBackend',
        serializer,
        itemName: 'metric_data_point',
        countItems: countPoints,
      },
      this.options,
    );
  }

  /** SDK callback style; never throws. */
  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    this.pipeline.send(metrics).then(
      () => resultCallback({ code: ExportResultCode.SUCCESS }),
      (error: unknown) =>
        resultCallback({
          code: ExportResultCode.FAILED,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
  }

  /** Cumulative unless `temporality: 'delta'` was asked for. */
  selectAggregationTemporality(): AggregationTemporality {
    return this.temporality;
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

  /** Data points exported and dropped so far. */
  stats(): OtlpExportStats {
    return this.pipeline.stats();
  }
}

function countPoints(metrics: ResourceMetrics): number {
  let n = 0;
  for (const scope of metrics.scopeMetrics) {
    for (const metric of scope.metrics) n += metric.dataPoints.length;
  }
  return n;
}

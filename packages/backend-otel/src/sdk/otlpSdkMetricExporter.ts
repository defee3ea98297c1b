import { JsonMetricsSerializer, ProtobufMetricsSerializer } from '@opentelemetry/otlp-transformer';
import {
  AggregationTemporality,
  type PushMetricExporter,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import type { OtlpExporterOptions } from '../config/resolveOtlpOptions.js';
import { SdkPipelineExporter } from './sdkPipelineExporter.js';

/**
 * An OpenTelemetry SDK `PushMetricExporter` on this package's OTLP pipeline (OpenTelemetry's
 * metric serializers, our retrying transport and fault reports), used by
 * {@link OpenTelemetryBackend}'s periodic reader.
 */
export class OtlpSdkMetricExporter
  extends SdkPipelineExporter<ResourceMetrics>
  implements PushMetricExporter
{
  private readonly temporality: AggregationTemporality;

  /** @throws MonitorConfigError when an option or `OTEL_EXPORTER_OTLP_*` variable is invalid. */
  constructor(options: OtlpExporterOptions & { temporality?: 'cumulative' | 'delta' } = {}) {
    super('metrics', options, (resolved) => ({
      signal: 'metrics',
      component: 'backend-otel.openTelemetryBackend',
      serializer:
        resolved.protocol === 'http/json' ? JsonMetricsSerializer : ProtobufMetricsSerializer,
      itemName: 'metric_data_point',
      countItems: countPoints,
    }));
    this.temporality =
      options.temporality === 'delta'
        ? AggregationTemporality.DELTA
        : AggregationTemporality.CUMULATIVE;
  }

  /** Cumulative unless `temporality: 'delta'` was asked for. */
  selectAggregationTemporality(): AggregationTemporality {
    return this.temporality;
  }
}

function countPoints(metrics: ResourceMetrics): number {
  let n = 0;
  for (const scope of metrics.scopeMetrics) {
    for (const metric of scope.metrics) n += metric.dataPoints.length;
  }
  return n;
}

import type { ExporterHandler } from '@lexigram/monitor-core';
import { OtlpMetricsExporter } from '../metrics/otlpMetricsExporter.js';
import { exporterOptionsFromConfig, type OtlpHandlerConfig } from './exporterConfig.js';

/**
 * Creates {@link OtlpMetricsExporter}s for the exporter type `"otlp"`, for `monitor-metrics`'
 * `MetricsExporterRegistry` (the reference's `OTLPMetricsExporterHandler`).
 */
export class OTLPMetricsExporterHandler implements ExporterHandler<
  OtlpHandlerConfig,
  OtlpMetricsExporter
> {
  /** The type this handler creates, for discovery reports. */
  readonly types = ['otlp'] as const;

  /** True for `"otlp"`. */
  canHandle(type: string): boolean {
    return type === 'otlp';
  }

  /** An OTLP metrics exporter configured from `config` (endpoint, headers, temporality, ...). */
  create(config: OtlpHandlerConfig): OtlpMetricsExporter {
    return new OtlpMetricsExporter(
      exporterOptionsFromConfig(config as unknown as Record<string, unknown>),
    );
  }
}

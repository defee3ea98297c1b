import type { ExporterHandler, SpanExporter } from '@lexigram/monitor-core';
import { OtlpSpanExporter } from '../spans/otlpSpanExporter.js';
import { exporterOptionsFromConfig, type OtlpHandlerConfig } from './exporterConfig.js';

/**
 * Creates {@link OtlpSpanExporter}s for the exporter type `"otlp"`, for `monitor-tracing`'s
 * `TracingExporterRegistry` (the reference's `OTLPTracingExporterHandler`).
 */
export class OTLPTracingExporterHandler implements ExporterHandler<
  OtlpHandlerConfig,
  SpanExporter
> {
  /** The type this handler creates, for discovery reports. */
  readonly types = ['otlp'] as const;

  /** True for `"otlp"`. */
  canHandle(type: string): boolean {
    return type === 'otlp';
  }

  /** An OTLP span exporter configured from `config` (endpoint, headers, ...). */
  create(config: OtlpHandlerConfig): OtlpSpanExporter {
    return new OtlpSpanExporter(
      exporterOptionsFromConfig(config as unknown as Record<string, unknown>),
    );
  }
}

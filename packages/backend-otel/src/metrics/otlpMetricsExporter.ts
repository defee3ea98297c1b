import type { MetricFamily } from '@lexigram/monitor-core';
import type { ISerializer } from '@opentelemetry/otlp-transformer';
import { detectResourceAttributes } from '../config/detectResource.js';
import type { OtlpExporterOptions } from '../config/resolveOtlpOptions.js';
import { PipelineExporter } from '../transport/pipelineExporter.js';
import { encodeMetricsJson } from './encodeMetricsJson.js';
import { encodeMetricsProtobuf } from './encodeMetricsProtobuf.js';
import { countDataPoints, type OtlpMetricsBatch } from './otlpMetricsModel.js';
import { SnapshotToOtlp, type TemporalityPreference } from './snapshotToOtlp.js';
import { decodeMetricsResponse } from './decodeMetricsResponse.js';

/** Options of {@link OtlpMetricsExporter}. */
export interface OtlpMetricsExporterOptions extends OtlpExporterOptions {
  /** `cumulative` (default) or `delta` sums and histograms. */
  temporality?: TemporalityPreference;
  /** `service.name` of the resource. Default `OTEL_SERVICE_NAME`, else `lexigram-app`. */
  serviceName?: string;
  /** More resource attributes (over `OTEL_RESOURCE_ATTRIBUTES`). */
  resourceAttributes?: Readonly<Record<string, string | number | boolean>>;
  /** Instrumentation scope of the metrics. Default `@lexigram/monitor-metrics`. */
  scope?: { name: string; version?: string };
  /** Longest `shutdown()` waits for an export in flight before aborting it. Default 5000. */
  shutdownTimeoutMs?: number;
}

/**
 * Sends core metric snapshots (what `MetricsCollector.collect()` returns) to an OpenTelemetry
 * collector as OTLP `ResourceMetrics`: counters as monotonic sums, gauges, explicit-bucket
 * histograms, summaries, with exemplars when a series carries them; cumulative by default, delta
 * as an option; protobuf or JSON, gzip or not. The request goes through OpenTelemetry's export
 * delegate with our own encoder, because OpenTelemetry JS has no summary or exemplar encoding.
 * It fits `monitor-metrics`' `PeriodicMetricsExporter` (`export` + `shutdown`).
 *
 * @example
 * ```ts
 * const exporter = new OtlpMetricsExporter({ config: { endpoint: 'http://collector:4318' } });
 * new PeriodicMetricsExporter({ producer: collector, exporter, intervalMs: 15_000 }).start();
 * ```
 */
export class OtlpMetricsExporter extends PipelineExporter<OtlpMetricsBatch> {
  private readonly converter: SnapshotToOtlp;

  /** @throws MonitorConfigError when an option or `OTEL_EXPORTER_OTLP_*` variable is invalid. */
  constructor(options: OtlpMetricsExporterOptions = {}) {
    super(
      'metrics',
      options,
      (resolved) => {
        const json = resolved.protocol === 'http/json';
        const serializer: ISerializer<
          OtlpMetricsBatch,
          ReturnType<typeof decodeMetricsResponse>
        > = {
          serializeRequest: json ? encodeMetricsJson : encodeMetricsProtobuf,
          deserializeResponse: (data) => decodeMetricsResponse(data, json),
        };
        return {
          signal: 'metrics',
          component: 'backend-otel.otlpMetricsExporter',
          serializer,
          itemName: 'metric_data_point',
          countItems: countDataPoints,
        };
      },
      options.shutdownTimeoutMs ?? 5000,
    );
    this.converter = new SnapshotToOtlp({
      temporality: options.temporality ?? 'cumulative',
      resource: detectResourceAttributes(
        options.resourceAttributes,
        options.serviceName,
        options.env !== false,
      ),
      scope: options.scope ?? { name: '@lexigram/monitor-metrics' },
    });
  }

  /** Export one collection; rejects (after reporting) when the collector did not take it. */
  export(families: readonly MetricFamily[]): Promise<void> {
    return this.pipeline.send(this.converter.convert(families));
  }
}

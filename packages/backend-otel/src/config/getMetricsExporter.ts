import { loadConfig, type MonitorConfig, type MonitorConfigInput } from '@lexigram/monitor-core';
import { OtlpMetricsExporter } from '../metrics/otlpMetricsExporter.js';

/**
 * The reference's `MonitorConfig.get_metrics_exporter()`: a metrics exporter appropriate for the
 * configured backend, or `null` when the backend has none to offer. For `backendType:
 * 'opentelemetry'` it is an {@link OtlpMetricsExporter} on `config.opentelemetry` (with the
 * `OTEL_EXPORTER_OTLP_*` variables applied); other backends give `null`.
 *
 * @example
 * ```ts
 * const exporter = getMetricsExporter({ backendType: 'opentelemetry', opentelemetry: { endpoint } });
 * if (exporter) new PeriodicMetricsExporter({ producer: collector, exporter }).start();
 * ```
 */
export function getMetricsExporter(
  config: MonitorConfig | MonitorConfigInput,
): OtlpMetricsExporter | null {
  const full = loadConfig(config, { env: false });
  if (full.backendType !== 'opentelemetry') return null;
  return new OtlpMetricsExporter({
    ...(full.opentelemetry ? { config: full.opentelemetry } : {}),
    serviceName: full.tracing.serviceName,
  });
}

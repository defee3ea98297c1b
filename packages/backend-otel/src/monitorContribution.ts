import type { MonitorContribution } from '@lexigram/monitor-core';
import { OtlpSpanExporter } from './spans/otlpSpanExporter.js';

/**
 * What this package adds to `createMonitor`: the OTLP span exporter when `tracing.exporter` is
 * `otlp` (endpoint from the `opentelemetry` section or `OTEL_EXPORTER_OTLP_*`). Its metrics
 * backend is found separately, through `monitorBackends`.
 */
export const monitorContribution: MonitorContribution = {
  part: 'otlp',
  setup(assembly) {
    if (assembly.config.tracing.exporter !== 'otlp') return;
    const otel = assembly.config.opentelemetry;
    assembly.spanExporter = new OtlpSpanExporter({
      ...(otel ? { config: otel } : {}),
      resourceAttributes: { 'service.name': assembly.config.tracing.serviceName },
    });
  },
};

import { MonitorConfigError, type ExporterHandler } from '@lexigram/monitor-core';
import { ConsoleMetricsExporter, type LineSink } from './consoleMetricsExporter.js';
import type { MetricsExporter, MetricsExporterConfig } from './metricsExporter.js';

/**
 * Creates {@link ConsoleMetricsExporter}s for the exporter type `"console"`. Optional config
 * fields: `format` (`text` | `json`) and `stream` (anything with `write(string)`).
 */
export class ConsoleMetricsExporterHandler implements ExporterHandler<
  MetricsExporterConfig,
  MetricsExporter
> {
  /** True for `"console"`. */
  canHandle(type: string): boolean {
    return type === 'console';
  }

  /** A console exporter configured from `config`. */
  create(config: MetricsExporterConfig): MetricsExporter {
    const { format, stream } = config;
    if (format !== undefined && format !== 'text' && format !== 'json') {
      throw new MonitorConfigError([
        { path: 'format', message: 'must be "text" or "json" (or left out for "text")' },
      ]);
    }
    if (stream !== undefined && typeof (stream as Partial<LineSink>)?.write !== 'function') {
      throw new MonitorConfigError([
        { path: 'stream', message: 'must have a write(string) method, e.g. process.stdout' },
      ]);
    }
    return new ConsoleMetricsExporter({
      format,
      ...(stream === undefined ? {} : { stream: stream as LineSink }),
    });
  }
}

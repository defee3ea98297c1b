import type { MetricFamily } from '@lexigram/monitor-core';
import { formatFamily } from './formatFamily.js';
import type { MetricsExporter } from './metricsExporter.js';

/** Something lines can be written to (`process.stdout`, a file stream, a test buffer). */
export interface LineSink {
  write(chunk: string): unknown;
}

/** Options of {@link ConsoleMetricsExporter}. */
export interface ConsoleMetricsExporterOptions {
  /** Where lines go. Default `process.stdout`. */
  stream?: LineSink;
  /** `text` (readable lines, the default) or `json` (one JSON line per family). */
  format?: 'text' | 'json';
}

/**
 * Writes each collection to the console: readable lines per series (`text`) or one JSON line per
 * family (`json`, NaN and infinities written as strings).
 *
 * @example
 * ```ts
 * new ConsoleMetricsExporter().export(await collector.collect());
 * ```
 */
export class ConsoleMetricsExporter implements MetricsExporter {
  private readonly stream: LineSink;
  private readonly format: 'text' | 'json';
  private closed = false;

  constructor(options: ConsoleMetricsExporterOptions = {}) {
    this.stream = options.stream ?? process.stdout;
    this.format = options.format ?? 'text';
  }

  /** Write `families`; ignored after `shutdown()`. */
  export(families: readonly MetricFamily[]): void {
    if (this.closed || families.length === 0) return;
    const lines: string[] = [];
    for (const family of families) {
      if (this.format === 'json') lines.push(JSON.stringify(family, jsonNumbers));
      else lines.push(...formatFamily(family));
    }
    this.stream.write(`${lines.join('\n')}\n`);
  }

  /** Stop writing. */
  shutdown(): void {
    this.closed = true;
  }
}

function jsonNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  }
  return value;
}

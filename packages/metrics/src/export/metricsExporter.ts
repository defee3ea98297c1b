import type { MetricFamily } from '@lexigram/monitor-core';

/** Sends collected metric snapshots somewhere (console, OTLP, a file...). */
export interface MetricsExporter {
  /** Export one collection. May be async; a rejection is reported by the caller, never thrown. */
  export(families: readonly MetricFamily[]): void | Promise<void>;
  /** Release what the exporter holds; called once, after the last export. */
  shutdown(): void | Promise<void>;
}

/** Config of an exporter: its `type` (e.g. `"console"`) plus that exporter's own fields. */
export interface MetricsExporterConfig {
  readonly type: string;
  readonly [field: string]: unknown;
}

import type { Labels } from '../model/labels.js';
import type { MetricType } from '../model/metricType.js';

/** A metrics backend: exports metrics to an external system (Prometheus, OTLP, ...). */
export interface MetricsBackendProtocol {
  /** Start the backend (open servers, connections). */
  initialize(): Promise<void>;
  /** Stop it, flushing what it holds. */
  shutdown(): Promise<void>;
  /** Record one value of the given kind. Never throws for a recording fault. */
  recordMetric(name: string, value: number, metricType: MetricType, labels?: Labels): void;
}

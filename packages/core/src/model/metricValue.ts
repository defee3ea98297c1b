import type { Labels } from './labels.js';
import type { MetricType } from './metricType.js';

/** One metric measurement, as handed to a {@link MetricsBackendProtocol} or buffered for one. */
export interface MetricValue {
  /** Metric name. */
  readonly name: string;
  /** Measured value. */
  readonly value: number;
  /** Instrument kind the value is meant for. */
  readonly type: MetricType;
  /** Labels of the observation. */
  readonly labels: Labels;
  /** Wall-clock time of the measurement, ms since the epoch. */
  readonly timestampMs: number;
}

import type { MetricsBackendProtocol } from '../contracts/metricsBackend.js';
import type { Labels } from '../model/labels.js';
import type { MetricType } from '../model/metricType.js';

/** A metrics backend that discards everything: for tests and for monitoring switched off. */
export class NoOpMetricsBackend implements MetricsBackendProtocol {
  initialize(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
  recordMetric(_name: string, _value: number, _metricType: MetricType, _labels?: Labels): void {}
}

import {
  MetricNotFoundError,
  type MetricProtocol,
  type MetricsBackendProtocol,
  type MetricsCollectorProtocol,
  type MetricType,
  type Labels,
} from '@lexigram/monitor-core';
import type { BufferedMetricEntry } from './bufferedMetricEntry.js';

/**
 * A backend whose `recordMetric` is async: its promise is awaited, and a rejection is a failed
 * delivery (retried, then dropped).
 */
export interface AsyncRecordMetricBackend {
  /** Record one entry; settles when the backend has it. */
  recordMetric(
    name: string,
    value: number,
    type: MetricType,
    labels?: Labels,
  ): PromiseLike<unknown>;
}

/**
 * Where a {@link BufferedMetricRecorder} delivers entries:
 * - a metrics collector: typed entries go to `increment` / `setGauge` / `recordHistogram`,
 *   untyped ones to `getMetric(name).record()`;
 * - a metrics backend: `recordMetric(name, value, type, labels)`;
 * - an object of metrics by name, as in the reference (`backend[name].record(value, labels)`).
 */
export type BufferedMetricBackend =
  | Pick<MetricsCollectorProtocol, 'getMetric'>
  | Pick<MetricsBackendProtocol, 'recordMetric'>
  | AsyncRecordMetricBackend
  | Readonly<Record<string, MetricProtocol>>;

/**
 * A function delivering one entry to `backend`; throws when the backend does, and returns what
 * the backend returned (an async backend's promise, which the recorder awaits).
 */
export function metricSink(
  backend: BufferedMetricBackend,
  defaultType: MetricType,
): (entry: BufferedMetricEntry) => unknown {
  const b = backend as Partial<MetricsBackendProtocol & MetricsCollectorProtocol>;
  if (typeof b.recordMetric === 'function') {
    const target = backend as MetricsBackendProtocol;
    return (e): unknown => target.recordMetric(e.name, e.value, e.type ?? defaultType, e.labels);
  }
  if (typeof b.getMetric === 'function') {
    const collector = backend as Partial<MetricsCollectorProtocol> &
      Pick<MetricsCollectorProtocol, 'getMetric'>;
    return (e): unknown => {
      if (e.type === 'counter' && collector.increment)
        return collector.increment(e.name, e.value, e.labels);
      if (e.type === 'gauge' && collector.setGauge)
        return collector.setGauge(e.name, e.value, e.labels);
      if (e.type === 'histogram' && collector.recordHistogram)
        return collector.recordHistogram(e.name, e.value, e.labels);
      const metric = collector.getMetric(e.name);
      if (metric === undefined) throw new MetricNotFoundError(e.name);
      return metric.record(e.value, e.labels);
    };
  }
  const metrics = backend as Readonly<Record<string, MetricProtocol>>;
  return (e) => {
    // Own properties only: a name like "constructor" must not reach Object.prototype.
    const metric = Object.hasOwn(metrics, e.name) ? metrics[e.name] : undefined;
    if (metric === undefined || typeof metric.record !== 'function') {
      throw new MetricNotFoundError(e.name);
    }
    return metric.record(e.value, e.labels);
  };
}

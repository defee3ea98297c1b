import {
  MetricNotFoundError,
  type MetricProtocol,
  type MetricsBackendProtocol,
  type MetricsCollectorProtocol,
  type MetricType,
} from '@lexigram/monitor-core';
import type { BufferedMetricEntry } from './bufferedMetricEntry.js';

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
  | Readonly<Record<string, MetricProtocol>>;

/** A function delivering one entry to `backend`; throws when the backend does. */
export function metricSink(
  backend: BufferedMetricBackend,
  defaultType: MetricType,
): (entry: BufferedMetricEntry) => void {
  const b = backend as Partial<MetricsBackendProtocol & MetricsCollectorProtocol>;
  if (typeof b.recordMetric === 'function') {
    const target = backend as MetricsBackendProtocol;
    return (e) => target.recordMetric(e.name, e.value, e.type ?? defaultType, e.labels);
  }
  if (typeof b.getMetric === 'function') {
    const collector = backend as Partial<MetricsCollectorProtocol> &
      Pick<MetricsCollectorProtocol, 'getMetric'>;
    return (e) => {
      if (e.type === 'counter' && collector.increment)
        collector.increment(e.name, e.value, e.labels);
      else if (e.type === 'gauge' && collector.setGauge)
        collector.setGauge(e.name, e.value, e.labels);
      else if (e.type === 'histogram' && collector.recordHistogram)
        collector.recordHistogram(e.name, e.value, e.labels);
      else {
        const metric = collector.getMetric(e.name);
        if (metric === undefined) throw new MetricNotFoundError(e.name);
        metric.record(e.value, e.labels);
      }
    };
  }
  const metrics = backend as Readonly<Record<string, MetricProtocol>>;
  return (e) => {
    // Own properties only: a name like "constructor" must not reach Object.prototype.
    const metric = Object.hasOwn(metrics, e.name) ? metrics[e.name] : undefined;
    if (metric === undefined || typeof metric.record !== 'function') {
      throw new MetricNotFoundError(e.name);
    }
    metric.record(e.value, e.labels);
  };
}

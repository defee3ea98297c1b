import type { MetricFamily } from '@lexigram/monitor-core';
import { MetricsCollector } from '@lexigram/monitor-metrics';

/** A real monitor-metrics collector with one metric of each kind, and a way to record more. */
export function makeCollector(): {
  collector: MetricsCollector;
  record: () => void;
  collect: () => Promise<MetricFamily[]>;
} {
  const collector = new MetricsCollector();
  const requests = collector.createCounter('http_requests_total', 'HTTP requests', {
    labelNames: ['method', 'status'],
  });
  const inflight = collector.createGauge('queue_depth', 'Jobs waiting');
  const latency = collector.createHistogram('latency_seconds', 'Latency', {
    buckets: [0.1, 0.5, 1],
    unit: 'seconds',
  });
  const sizes = collector.createSummary('payload_bytes', 'Payload sizes', {
    quantiles: [0.5, 0.9],
  });
  const record = (): void => {
    requests.inc(2, { method: 'GET', status: '200' });
    requests.inc(1, { method: 'POST', status: '500' });
    inflight.set(7);
    latency.observe(0.05);
    latency.observe(0.3);
    latency.observe(3);
    sizes.observe(100);
    sizes.observe(300);
  };
  return { collector, record, collect: () => collector.collect() };
}

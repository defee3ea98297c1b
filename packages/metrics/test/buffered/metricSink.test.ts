import { InMemoryMetricsBackend, MetricNotFoundError } from '@lexigram/monitor-core';
import { metricSink } from '../../src/buffered/metricSink.js';
import { MetricsCollector } from '../../src/collector/metricsCollector.js';
import { Counter } from '../../src/instruments/counter.js';

const entry = (name: string, value: number, type?: 'counter' | 'gauge' | 'histogram') => ({
  name,
  value,
  labels: { k: 'v' },
  type,
  monotonicMs: 0,
  attempts: 0,
});

describe('metricSink', () => {
  it('routes typed entries on a collector and untyped ones to the named metric', async () => {
    const m = new MetricsCollector();
    const sink = metricSink(m, 'gauge');
    sink(entry('c_total', 2, 'counter'));
    sink(entry('g', 5, 'gauge'));
    sink(entry('h', 0.1, 'histogram'));
    sink(entry('c_total', 1));
    expect(() => sink(entry('missing', 1))).toThrow(MetricNotFoundError);
    const families = await m.collect();
    expect(families.map((f) => [f.name, f.type])).toEqual([
      ['c_total', 'counter'],
      ['g', 'gauge'],
      ['h', 'histogram'],
    ]);
    expect(families[0]!.series).toEqual([{ labels: { k: 'v' }, value: 3 }]);
  });

  it('calls recordMetric on a metrics backend, untyped entries as the default type', () => {
    const backend = new InMemoryMetricsBackend();
    const sink = metricSink(backend, 'gauge');
    sink(entry('hits', 1, 'counter'));
    sink(entry('hits', 2, 'counter'));
    sink(entry('temp', 20));
    expect(backend.get('hits', 'counter', { k: 'v' })?.value).toBe(3);
    expect(backend.get('temp', 'gauge', { k: 'v' })?.value).toBe(20);
  });

  it('records on an object of metrics by own property only', () => {
    const requests = new Counter('requests');
    const sink = metricSink({ requests }, 'gauge');
    sink(entry('requests', 4));
    expect(requests.labels({ k: 'v' }).get()).toBe(4);
    expect(() => sink(entry('constructor', 1))).toThrow(MetricNotFoundError);
    expect(() => sink(entry('toString', 1))).toThrow(MetricNotFoundError);
  });
});

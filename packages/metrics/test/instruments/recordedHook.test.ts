import { monitorHooks, type MetricRecordedHook } from '@lexigram/monitor-core';
import { Counter } from '../../src/instruments/counter.js';
import { Gauge } from '../../src/instruments/gauge.js';
import { Histogram } from '../../src/instruments/histogram.js';
import { Summary } from '../../src/instruments/summary.js';
import { recordedHook } from '../../src/instruments/recordedHook.js';

describe('metricRecorded hook', () => {
  afterEach(() => monitorHooks.metricRecorded.clear());

  it('is the process-wide hook', () => {
    expect(recordedHook).toBe(monitorHooks.metricRecorded);
  });

  it('fires for every instrument and bound handle while someone listens', () => {
    const seen: MetricRecordedHook[] = [];
    const off = monitorHooks.metricRecorded.subscribe((p) => seen.push(p));
    const c = new Counter('c_total', '', { labels: { svc: 'a' } });
    const g = new Gauge('g');
    const h = new Histogram('h');
    const s = new Summary('s');
    c.inc(2, { k: 'x' });
    c.labels({ k: 'x' }).inc();
    g.set(5);
    g.inc(2);
    g.labels({}).dec();
    h.observe(0.1);
    h.labels({}).observe(0.2);
    s.observe(3);
    s.labels({}).observe(4);
    off();
    c.inc(1, { k: 'x' });
    expect(seen).toEqual([
      { metricName: 'c_total', value: 2, metricType: 'counter', labels: { k: 'x' } },
      { metricName: 'c_total', value: 1, metricType: 'counter', labels: { k: 'x' } },
      { metricName: 'g', value: 5, metricType: 'gauge', labels: {} },
      { metricName: 'g', value: 7, metricType: 'gauge', labels: {} },
      { metricName: 'g', value: 6, metricType: 'gauge', labels: {} },
      { metricName: 'h', value: 0.1, metricType: 'histogram', labels: {} },
      { metricName: 'h', value: 0.2, metricType: 'histogram', labels: {} },
      { metricName: 's', value: 3, metricType: 'summary', labels: {} },
      { metricName: 's', value: 4, metricType: 'summary', labels: {} },
    ]);
  });

  it('builds nothing when no one listens', () => {
    expect(monitorHooks.metricRecorded.active).toBe(false);
    const emit = jest.spyOn(monitorHooks.metricRecorded, 'emit');
    const c = new Counter('c_total');
    c.inc();
    c.labels({}).inc();
    expect(emit).not.toHaveBeenCalled();
    emit.mockRestore();
  });

  it('a throwing listener never breaks recording', () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    monitorHooks.metricRecorded.subscribe(() => {
      throw new Error('listener bug');
    });
    const c = new Counter('c_total');
    expect(() => c.inc()).not.toThrow();
    expect(c.labels({}).get()).toBe(1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

import { InvalidMetricError, type CounterFamily } from '@lexigram/monitor-core';
import { Counter } from '../../src/instruments/counter.js';
import { captureLogger } from '../support/captureLogger.js';

describe('Counter', () => {
  it('counts per label set; record is canonical and inc delegates to it', () => {
    const c = new Counter('http_requests_total', 'Requests', { labelNames: ['method'] });
    c.inc(undefined, { method: 'GET' });
    c.inc(2, { method: 'GET' });
    c.record(0.5, { method: 'POST' });
    c.inc();
    const family = c.collect();
    expect(family).toEqual({
      name: 'http_requests_total',
      help: 'Requests',
      unit: '',
      type: 'counter',
      series: [
        { labels: { method: 'GET' }, value: 3 },
        { labels: { method: 'POST' }, value: 0.5 },
        { labels: { method: '' }, value: 1 },
      ],
    });
    expect(c.type).toBe('counter');
    expect(c.seriesCount).toBe(3);
  });

  it('bound handles hold their series: no lookup, same object every time', () => {
    const c = new Counter('jobs_total');
    const bound = c.labels({ queue: 'a' });
    expect(c.labels({ queue: 'a' })).toBe(bound);
    bound.inc();
    bound.inc(4);
    bound.record(1);
    c.inc(1, { queue: 'a' });
    expect(bound.get()).toBe(7);
    expect(c.collect().series).toEqual([{ labels: { queue: 'a' }, value: 7 }]);
  });

  it('rejects negative, NaN and non-number increments (counters only go up)', () => {
    const c = new Counter('c_total');
    expect(() => c.inc(-1)).toThrow(InvalidMetricError);
    expect(() => c.inc(-1)).toThrow(/only goes up/);
    expect(() => c.inc(NaN)).toThrow(/cannot be incremented by a number \(NaN\)/);
    expect(() => c.inc(-Infinity)).toThrow(InvalidMetricError);
    expect(() => c.inc('1' as unknown as number)).toThrow(
      /cannot be incremented by a string \("1"\)/,
    );
    const bound = c.labels({});
    expect(() => bound.inc(-2)).toThrow(InvalidMetricError);
    expect(() => bound.record(NaN)).toThrow(InvalidMetricError);
    // A rejected value creates no series and changes nothing.
    expect(c.collect().series).toEqual([{ labels: {}, value: 0 }]);
  });

  it('keeps +Infinity, as Prometheus does', () => {
    const c = new Counter('c_total');
    c.inc(Infinity);
    c.inc(1);
    expect(c.collect().series[0]!.value).toBe(Infinity);
  });

  it('reset zeroes every series and keeps bound handles working', () => {
    const c = new Counter('c_total');
    const a = c.labels({ k: 'a' });
    a.inc(3);
    c.inc(2, { k: 'b' });
    c.reset();
    expect(c.collect().series.map((s) => s.value)).toEqual([0, 0]);
    a.inc();
    expect(c.collect().series[0]).toEqual({ labels: { k: 'a' }, value: 1 });
  });

  it('remove drops one series; a handle to it no longer reaches the snapshot', () => {
    const c = new Counter('c_total');
    const a = c.labels({ k: 'a' });
    c.inc(1, { k: 'b' });
    expect(c.remove({ k: 'a' })).toBe(true);
    a.inc(5);
    expect(c.collect().series).toEqual([{ labels: { k: 'b' }, value: 1 }]);
    expect(c.remove({ k: 'a' })).toBe(false);
  });

  it('adds constant labels to every series and validates them', () => {
    const c = new Counter('c_total', '', { labels: { service: 'api' }, unit: 'requests' });
    c.inc(1, { route: '/' });
    const family: CounterFamily = c.collect();
    expect(family.unit).toBe('requests');
    expect(family.series[0]!.labels).toEqual({ service: 'api', route: '/' });
    expect(() => new Counter('c', '', { labels: { 'bad-name': 'x' } })).toThrow(InvalidMetricError);
  });

  it('caps cardinality with one overflow series and one warning', () => {
    const logger = captureLogger();
    const c = new Counter('c_total', '', { maxSeries: 2, logger });
    for (let i = 0; i < 50; i++) c.inc(1, { id: String(i) });
    const series = c.collect().series;
    expect(series).toHaveLength(3);
    expect(series[2]).toEqual({ labels: { lexigram_overflow: 'true' }, value: 48 });
    expect(logger.warnings).toHaveLength(1);
  });

  it('validates name, help, unit and maxSeries', () => {
    expect(() => new Counter('bad name')).toThrow(/Invalid metric name "bad name"/);
    expect(() => new Counter('c', 5 as unknown as string)).toThrow(
      /description .* must be a string/,
    );
    expect(() => new Counter('c', '', { unit: 'a b' })).toThrow(/Invalid unit/);
    expect(() => new Counter('c', '', { maxSeries: 0 })).toThrow(/maxSeries .* positive integer/);
    expect(() => new Counter('c', '', { maxSeries: 1.5 })).toThrow(InvalidMetricError);
  });
});

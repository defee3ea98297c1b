import { DEFAULT_HISTOGRAM_BUCKETS, InvalidMetricError } from '@lexigram/monitor-core';
import { Histogram } from '../../src/instruments/histogram.js';
import { histogramSeries } from '@lexigram/test-support';

describe('Histogram', () => {
  it('uses the default buckets and reports cumulative counts, count and sum', () => {
    const h = new Histogram('latency_seconds', 'Latency', { unit: 'seconds' });
    expect(h.buckets).toEqual(DEFAULT_HISTOGRAM_BUCKETS);
    h.observe(0.003);
    h.observe(0.2);
    h.record(7);
    h.observe(100);
    const family = h.collect();
    expect(family.unit).toBe('seconds');
    const s = family.series[0]!;
    expect(s.count).toBe(4);
    expect(s.sum).toBeCloseTo(107.203);
    expect(s.buckets.map((b) => [b.upperBound, b.cumulativeCount])).toEqual([
      [0.005, 1],
      [0.01, 1],
      [0.025, 1],
      [0.05, 1],
      [0.1, 1],
      [0.25, 2],
      [0.5, 2],
      [1, 2],
      [2.5, 2],
      [5, 2],
      [10, 3],
      [Infinity, 4],
    ]);
  });

  it('puts a value equal to a bound in that bucket (le is inclusive)', () => {
    const h = new Histogram('h', '', { buckets: [1, 2] });
    h.observe(1);
    h.observe(2);
    h.observe(2.0001);
    expect(h.collect().series[0]!.buckets.map((b) => b.cumulativeCount)).toEqual([1, 2, 3]);
  });

  it('handles NaN and infinities as Prometheus clients do', () => {
    const h = new Histogram('h', '', { buckets: [1, 2] });
    h.observe(-Infinity);
    h.observe(Infinity);
    h.observe(NaN);
    const s = h.collect().series[0]!;
    expect(s.buckets.map((b) => b.cumulativeCount)).toEqual([1, 1, 3]);
    expect(s.count).toBe(3);
    expect(s.sum).toBeNaN();
  });

  it('finds buckets by binary search for many bounds, NaN included', () => {
    const bounds = Array.from({ length: 40 }, (_, i) => i + 1);
    const h = new Histogram('h', '', { buckets: bounds });
    for (const v of [0.5, 1, 1.5, 20, 40, 41, NaN, -Infinity]) h.observe(v);
    const cumulative = h.collect().series[0]!.buckets.map((b) => b.cumulativeCount);
    expect(cumulative[0]).toBe(3); // -Inf, 0.5, 1
    expect(cumulative[1]).toBe(4); // 1.5
    expect(cumulative[19]).toBe(5); // 20
    expect(cumulative[39]).toBe(6); // 40
    expect(cumulative[40]).toBe(8); // 41, NaN in +Inf
  });

  it('bound handles observe without lookup; startTimer observes elapsed seconds', async () => {
    const h = new Histogram('h', '', { buckets: [0.001, 10], labelNames: ['op'] });
    const bound = h.labels({ op: 'read' });
    expect(h.labels({ op: 'read' })).toBe(bound);
    bound.observe(0.5);
    bound.record(0.5);
    jest.useFakeTimers(); // the timer reads the (faked) monotonic clock
    let elapsed: number;
    try {
      const end = bound.startTimer();
      jest.advanceTimersByTime(20);
      elapsed = end();
    } finally {
      jest.useRealTimers();
    }
    expect(elapsed).toBeCloseTo(0.02, 6);
    const end2 = h.startTimer({ op: 'write' });
    const elapsed2 = end2();
    const series = h.collect().series;
    expect(series[0]!.count).toBe(3);
    expect(series[0]!.sum).toBeCloseTo(1 + elapsed, 6);
    expect(series[1]!.labels).toEqual({ op: 'write' });
    expect(series[1]!.sum).toBeCloseTo(elapsed2, 9);
  });

  it('validates buckets: finite, strictly ascending, an array', () => {
    expect(() => new Histogram('h', '', { buckets: [1, NaN] })).toThrow(
      /Bucket 1 .* is a number \(NaN\)/,
    );
    expect(() => new Histogram('h', '', { buckets: [1, Infinity, 3] })).toThrow(
      /must be finite numbers/,
    );
    expect(() => new Histogram('h', '', { buckets: [2, 1] })).toThrow(/strictly ascending/);
    expect(() => new Histogram('h', '', { buckets: [1, 1] })).toThrow(InvalidMetricError);
    expect(() => new Histogram('h', '', { buckets: 'x' as never })).toThrow(/must be an array/);
    expect(new Histogram('h', '', { buckets: [1, 2, Infinity] }).buckets).toEqual([1, 2]);
    expect(new Histogram('h', '', { buckets: [] }).buckets).toEqual([]);
  });

  it('reserves the le label and rejects non-numbers', () => {
    expect(() => new Histogram('h', '', { labelNames: ['le'] })).toThrow(/reserved/);
    const h = new Histogram('h');
    expect(() => h.observe({ le: '1' } as never)).toThrow(InvalidMetricError);
    expect(() => h.observe(1, { le: '1' })).toThrow(/reserved/);
    expect(() => h.labels({}).observe('1' as never)).toThrow(/pass a number/);
  });

  it('reset clears counts and sums; remove drops a series', () => {
    const h = new Histogram('h', '', { buckets: [1] });
    h.observe(0.5, { a: 'x' });
    h.observe(2, { a: 'y' });
    h.reset();
    expect(h.remove({ a: 'y' })).toBe(true);
    expect(h.collect().series).toEqual([histogramSeries({ a: 'x' }, [1, Infinity], [0, 0], 0)]);
  });
});

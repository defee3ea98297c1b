import { InvalidMetricError } from '@lexigram/monitor-core';
import { Summary } from '../../src/instruments/summary.js';

function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

function quantileValues(s: Summary, index = 0): number[] {
  return s.collect().series[index]!.quantiles.map((q) => q.value);
}

describe('Summary', () => {
  it('reports p50/p90/p99 within 1% plus lifetime count and sum', () => {
    const s = new Summary('rpc_seconds', 'RPC');
    for (let i = 1; i <= 1000; i++) s.observe(i);
    const series = s.collect().series[0]!;
    expect(series.count).toBe(1000);
    expect(series.sum).toBe(500500);
    expect(series.quantiles.map((q) => q.quantile)).toEqual([0.5, 0.9, 0.99]);
    const [p50, p90, p99] = series.quantiles.map((q) => q.value);
    expect(Math.abs(p50! - 500) / 500).toBeLessThanOrEqual(0.011);
    expect(Math.abs(p90! - 900) / 900).toBeLessThanOrEqual(0.011);
    expect(Math.abs(p99! - 990) / 990).toBeLessThanOrEqual(0.011);
  });

  it('slides: each slot is its own state and ages out whole', () => {
    const clock = fakeClock();
    const s = new Summary('s', '', {
      maxAgeMs: 1000,
      ageBuckets: 2,
      quantiles: [0.5],
      clock: clock.now,
    });
    for (let i = 0; i < 100; i++) s.observe(10);
    clock.advance(600); // second slot
    for (let i = 0; i < 100; i++) s.observe(1000);
    // Both slots live: the median is between the two groups.
    expect(quantileValues(s)[0]).toBeGreaterThanOrEqual(9.9);
    clock.advance(500); // first slot ages out
    expect(quantileValues(s)[0]).toBeCloseTo(1000, -1);
    clock.advance(1000); // everything aged out
    expect(quantileValues(s)[0]).toBeNaN();
    // Count and sum are over the series' life, as in Prometheus.
    expect(s.collect().series[0]!.count).toBe(200);
    expect(s.collect().series[0]!.sum).toBe(101000);
  });

  it('recovers after a long idle gap without looping per missed slot', () => {
    const clock = fakeClock();
    const s = new Summary('s', '', {
      maxAgeMs: 100,
      ageBuckets: 5,
      quantiles: [0.5],
      clock: clock.now,
    });
    s.observe(1);
    clock.advance(1e12);
    s.observe(7);
    expect(quantileValues(s)).toEqual([7]);
  });

  it('counts NaN in count and sum but not in quantiles; ranks infinities', () => {
    const s = new Summary('s', '', { quantiles: [0.01, 0.5, 0.99] });
    s.observe(NaN);
    s.observe(-Infinity);
    s.observe(5);
    s.observe(Infinity);
    s.observe(Infinity);
    const series = s.collect().series[0]!;
    expect(series.count).toBe(5);
    expect(series.sum).toBeNaN();
    expect(series.quantiles.map((q) => q.value)).toEqual([
      -Infinity,
      expect.closeTo(5, 1),
      Infinity,
    ]);
  });

  it('handles zero and negative values', () => {
    const s = new Summary('s', '', { quantiles: [0.1, 0.5, 0.9] });
    for (const v of [-100, -10, 0, 0, 0, 10, 100, 0, -1, 1]) s.observe(v);
    const [p10, p50, p90] = quantileValues(s);
    expect(p10).toBeCloseTo(-100, -1);
    expect(p50).toBe(0);
    expect(p90).toBeCloseTo(10, 0);
  });

  it('bound handles, startTimer, reset and remove', () => {
    const s = new Summary('s', '', { quantiles: [0.5] });
    const b = s.labels({ op: 'x' });
    expect(s.labels({ op: 'x' })).toBe(b);
    b.observe(2);
    b.record(2);
    const seconds = s.startTimer({ op: 'y' })();
    expect(seconds).toBeGreaterThanOrEqual(0);
    expect(b.startTimer()()).toBeGreaterThanOrEqual(0);
    expect(s.collect().series.map((x) => x.count)).toEqual([3, 1]);
    s.reset();
    expect(s.collect().series[0]).toEqual({
      labels: { op: 'x' },
      quantiles: [{ quantile: 0.5, value: NaN }],
      count: 0,
      sum: 0,
    });
    expect(s.remove({ op: 'y' })).toBe(true);
    expect(s.collect().series).toHaveLength(1);
  });

  it('validates quantiles, maxAgeMs, ageBuckets, clock; reserves the quantile label', () => {
    const bad: [object, RegExp][] = [
      [{ quantiles: [] }, /non-empty array/],
      [{ quantiles: [0] }, /strictly between 0 and 1/],
      [{ quantiles: [1] }, /strictly between 0 and 1/],
      [{ quantiles: [0.5, NaN] }, /out of range/],
      [{ quantiles: [0.5, 0.5] }, /appears twice/],
      [{ maxAgeMs: 0 }, /maxAgeMs/],
      [{ maxAgeMs: Infinity }, /maxAgeMs/],
      [{ ageBuckets: 0 }, /ageBuckets/],
      [{ ageBuckets: 2.5 }, /ageBuckets/],
      [{ clock: 5 }, /clock option/],
      [{ labelNames: ['quantile'] }, /reserved/],
    ];
    for (const [options, message] of bad) {
      expect(() => new Summary('s', '', options)).toThrow(InvalidMetricError);
      expect(() => new Summary('s', '', options)).toThrow(message);
    }
    expect(() => new Summary('s').observe('1' as never)).toThrow(/pass a number/);
    expect(new Summary('s', '', { quantiles: [0.9, 0.1] }).window.quantiles).toEqual([0.1, 0.9]);
  });
});

import { MonitorConfigError } from '@lexigram/monitor-core';
import { RollingQuantileWindow } from '../../src/index.js';
import { exactQuantile, latencySampler, seededRandom } from '../support/random.js';

describe('RollingQuantileWindow', () => {
  it('estimates quantiles of 200k samples within 1 % of the exact values', () => {
    const window = new RollingQuantileWindow({ windowMs: 60_000 });
    const next = latencySampler(7);
    const n = 200_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      values[i] = next();
      // Spread the samples over the window so several slots are merged on read.
      window.record(values[i]!, Math.floor((i / n) * 59_000));
    }
    values.sort();
    for (const q of [0.5, 0.9, 0.99, 0.999]) {
      const exact = exactQuantile(values, q);
      const estimate = window.quantile(q, 59_000)!;
      expect(estimate.count).toBe(n);
      expect(Math.abs(estimate.value - exact) / exact).toBeLessThanOrEqual(0.01);
    }
  });

  it('honours a tighter relative accuracy', () => {
    const window = new RollingQuantileWindow({ windowMs: 1000, relativeAccuracy: 0.001 });
    const random = seededRandom(3);
    const values = new Float64Array(50_000);
    for (let i = 0; i < values.length; i++) {
      values[i] = 1 + random() * 999;
      window.record(values[i]!, 0);
    }
    values.sort();
    const exact = exactQuantile(values, 0.99);
    expect(Math.abs(window.quantile(0.99, 0)!.value - exact) / exact).toBeLessThanOrEqual(0.001);
  });

  it('drops samples once they are older than the window, slot by slot', () => {
    const window = new RollingQuantileWindow({ windowMs: 60_000, slots: 6 }); // 10 s slots
    for (let i = 0; i < 100; i++) window.record(1000, 1_000); // slot 0
    for (let i = 0; i < 100; i++) window.record(10, 30_000); // slot 3
    expect(window.count(59_999)).toBe(200);
    expect(window.quantile(0.99, 59_999)!.value).toBe(1000);
    // At 60 s slot 0 is a whole window old.
    expect(window.count(60_000)).toBe(100);
    expect(window.quantile(0.99, 60_000)!.value).toBe(10);
    expect(window.quantile(0.5, 100_000)).toBeUndefined();
    expect(window.count(100_000)).toBe(0);
  });

  it('reports the exact min and max and clamps estimates to them', () => {
    const window = new RollingQuantileWindow({ windowMs: 1000 });
    for (let i = 0; i < 10; i++) window.record(123.456, 0);
    expect(window.quantile(0.99, 0)).toEqual({
      value: 123.456,
      count: 10,
      min: 123.456,
      max: 123.456,
      exact: true,
    });
  });

  it('handles zero-valued samples', () => {
    const window = new RollingQuantileWindow({ windowMs: 1000 });
    window.record(0, 0);
    window.record(0, 0);
    window.record(5, 0);
    expect(window.quantile(0.5, 0)!.value).toBe(0);
    expect(window.quantile(1, 0)!.value).toBe(5);
  });

  it('keeps memory bounded: bins do not grow with the number of samples, and free when idle', () => {
    const window = new RollingQuantileWindow({ windowMs: 60_000, slots: 6 });
    const random = seededRandom(11);
    let now = 0;
    const feed = (n: number) => {
      for (let i = 0; i < n; i++) {
        window.record(1 + random() * 9_999, now);
        now += 1; // 1 ms apart: a full minute every 60k samples, every slot reused
      }
    };
    // 1..10 000 at 1 % accuracy needs ~465 keys: at most 512 bins (4 chunks of 128) per slot.
    feed(120_000);
    const afterFirst = window.binCount;
    expect(afterFirst).toBeGreaterThan(6 * 384);
    expect(afterFirst).toBeLessThanOrEqual(6 * 512);
    feed(300_000);
    expect(window.binCount).toBeLessThanOrEqual(6 * 512);
    expect(window.count(now)).toBeLessThanOrEqual(60_000);
    // Long after the last sample a read releases every slot.
    expect(window.count(now + 120_000)).toBe(0);
    expect(window.binCount).toBe(0);
  });

  it('bounds a slot by the tracked value range, whatever values arrive', () => {
    const window = new RollingQuantileWindow({ windowMs: 1000, slots: 1, exactSamples: 0 });
    expect(window.maxBinsPerSlot).toBe(1408);
    for (const v of [1e-300, 1e-9, 1e-3, 1, 1e6, 1e9, 1e12, 1e300]) window.record(v, 0);
    expect(window.binCount).toBeLessThanOrEqual(window.maxBinsPerSlot);
    const reading = window.quantile(1, 0)!;
    expect(reading.max).toBe(1e9); // values past the range are clamped to it
    expect(window.quantile(0, 0)!.value).toBe(0); // values under it count as 0
  });

  it('keeps high quantiles accurate across a wide value range', () => {
    const window = new RollingQuantileWindow({ windowMs: 1000, slots: 1 });
    const values: number[] = [];
    for (let i = 0; i <= 1500; i++) values.push(10 ** (-3 + i * 0.008));
    values.forEach((v) => window.record(v, 0));
    const exact = values[Math.floor(0.99 * 1500)]!;
    expect(Math.abs(window.quantile(0.99, 0)!.value - exact) / exact).toBeLessThanOrEqual(0.01);
  });

  it('counts a sample from a clock that stepped back as current instead of wiping a newer slot', () => {
    const window = new RollingQuantileWindow({ windowMs: 60_000, slots: 6 });
    window.record(5, 100_000);
    window.record(7, 40_000); // the clock jumped back a minute
    expect(window.count(100_000)).toBe(2);
  });

  it('clear() forgets everything', () => {
    const window = new RollingQuantileWindow({ windowMs: 1000 });
    window.record(1, 0);
    window.clear();
    expect(window.count(0)).toBe(0);
    expect(window.quantile(0.5, 0)).toBeUndefined();
  });

  it('rejects bad options naming the field', () => {
    expect(() => new RollingQuantileWindow({ windowMs: 1000, slots: 0 })).toThrow(
      MonitorConfigError,
    );
    expect(() => new RollingQuantileWindow({ windowMs: 1000, relativeAccuracy: 1 })).toThrow(
      /relativeAccuracy/,
    );
    expect(() => new RollingQuantileWindow({ windowMs: -1 })).toThrow(/windowMs/);
    expect(
      () => new RollingQuantileWindow({ windowMs: 1, minTrackedValue: 5, maxTrackedValue: 1 }),
    ).toThrow(/maxTrackedValue: must be greater than minTrackedValue/);
  });
});

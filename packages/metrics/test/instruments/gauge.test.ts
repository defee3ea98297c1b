import { setImmediate as immediate } from 'node:timers/promises';
import { InvalidMetricError, type GaugeFamily } from '@lexigram/monitor-core';
import { Gauge } from '../../src/instruments/gauge.js';

/** collect() of a gauge without an async callback. */
function snapshot(g: Gauge): GaugeFamily {
  const family = g.collect();
  if (family instanceof Promise) throw new Error('expected a synchronous collect');
  return family;
}

describe('Gauge', () => {
  it('sets, increments and decrements; record is canonical (= set)', () => {
    const g = new Gauge('queue_depth', 'Depth', { labelNames: ['queue'] });
    g.record(10, { queue: 'a' });
    g.inc(undefined, { queue: 'a' });
    g.inc(4, { queue: 'a' });
    g.dec(undefined, { queue: 'a' });
    g.dec(2.5, { queue: 'a' });
    g.set(-3, { queue: 'b' });
    expect(g.collect()).toEqual({
      name: 'queue_depth',
      help: 'Depth',
      unit: '',
      type: 'gauge',
      series: [
        { labels: { queue: 'a' }, value: 11.5 },
        { labels: { queue: 'b' }, value: -3 },
      ],
    });
  });

  it('bound handles set, inc, dec and get', () => {
    const g = new Gauge('temp');
    const h = g.labels({ room: 'x' });
    expect(g.labels({ room: 'x' })).toBe(h);
    h.set(20);
    h.inc();
    h.dec(0.5);
    h.record(h.get() + 1);
    expect(h.get()).toBe(21.5);
  });

  it('keeps NaN and infinities, as Prometheus gauges may hold them', () => {
    const g = new Gauge('g');
    g.set(NaN, { k: 'nan' });
    g.set(Infinity, { k: 'inf' });
    g.set(-Infinity, { k: 'ninf' });
    g.inc(1, { k: 'nan' });
    const values = snapshot(g).series.map((s) => s.value);
    expect(values).toEqual([NaN, Infinity, -Infinity]);
  });

  it('rejects non-numbers everywhere', () => {
    const g = new Gauge('g');
    const h = g.labels({});
    for (const call of [
      () => g.set('1' as unknown as number),
      () => g.inc(null as unknown as number),
      () => g.dec('x' as unknown as number),
      () => h.set({} as unknown as number),
      () => h.inc('2' as unknown as number),
      () => h.dec('2' as unknown as number),
    ]) {
      expect(call).toThrow(InvalidMetricError);
    }
    expect(h.get()).toBe(0);
  });

  it('measures through a sync callback at collect time', async () => {
    let depth = 3;
    const g = new Gauge('depth', '', { collect: (gauge) => gauge.set(depth, { q: 'main' }) });
    expect(g.hasCallback).toBe(true);
    expect(snapshot(g).series).toEqual([{ labels: { q: 'main' }, value: 3 }]);
    depth = 7;
    await expect(Promise.resolve(g.collect())).resolves.toMatchObject({
      series: [{ labels: { q: 'main' }, value: 7 }],
    });
  });

  it('measures through an async callback, returning a promise', async () => {
    const g = new Gauge('pool', '', {
      collect: async (gauge) => {
        await immediate();
        gauge.set(42);
      },
    });
    const out = g.collect();
    expect(out).toBeInstanceOf(Promise);
    await expect(out).resolves.toMatchObject({ series: [{ labels: {}, value: 42 }] });
  });

  it('lets a throwing callback throw from collect (the collector reports it)', () => {
    const g = new Gauge('bad', '', {
      collect: () => {
        throw new Error('boom');
      },
    });
    expect(() => g.collect()).toThrow('boom');
  });

  it('rejects a collect option that is not a function', () => {
    expect(() => new Gauge('g', '', { collect: 5 as never })).toThrow(/pass a function/);
  });

  it('reset zeroes and remove drops', () => {
    const g = new Gauge('g');
    g.set(5, { a: '1' });
    g.set(6, { a: '2' });
    g.reset();
    expect(g.remove({ a: '2' })).toBe(true);
    expect(snapshot(g).series).toEqual([{ labels: { a: '1' }, value: 0 }]);
  });
});

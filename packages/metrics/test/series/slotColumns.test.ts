import fc from 'fast-check';
import type { BoundCounter, BoundObserver, GaugeFamily } from '@lexigram/monitor-core';
import { Counter } from '../../src/instruments/counter.js';
import { Gauge } from '../../src/instruments/gauge.js';
import { Histogram } from '../../src/instruments/histogram.js';
import { histogramSeries } from '@lexigram/test-support';

// Series live in slots of flat columns that grow, are reused after remove(), and are shared by
// bound handles: these tests hold the values to a plain model through all of that.

describe('series slots and bound handles', () => {
  it('bound and labeled recording on one counter series add up, before and after growth', () => {
    const c = new Counter('c_total', '', { labelNames: ['id'] });
    const first = c.labels({ id: '0' });
    first.inc(2);
    // Enough series to grow the column several times past its first capacity.
    const handles: BoundCounter[] = [];
    for (let i = 0; i < 300; i++) {
      c.inc(i, { id: String(i) });
      handles.push(c.labels({ id: String(i) }));
    }
    expect(handles[0]).toBe(first);
    for (let i = 0; i < 300; i++) handles[i]!.inc(1);
    expect(first.get()).toBe(3);
    const series = c.collect().series;
    expect(series).toHaveLength(300);
    series.forEach((s, i) =>
      expect(s).toEqual({ labels: { id: String(i) }, value: i + 1 + (i === 0 ? 2 : 0) }),
    );
    expect(handles[299]!.get()).toBe(300);
  });

  it('gauge and histogram handles keep writing to their series after the columns grow', () => {
    const g = new Gauge('g', '', { labelNames: ['id'] });
    const h = new Histogram('h', '', { labelNames: ['id'], buckets: [1, 2] });
    const g0 = g.labels({ id: 'early' });
    const h0 = h.labels({ id: 'early' });
    for (let i = 0; i < 200; i++) {
      g.set(i, { id: String(i) });
      h.observe(1.5, { id: String(i) });
    }
    g0.set(42);
    g0.inc(1);
    h0.observe(0.5);
    h0.observe(3);
    expect(g0.get()).toBe(43);
    expect(g.collect() as GaugeFamily).toMatchObject({
      series: expect.arrayContaining([{ labels: { id: 'early' }, value: 43 }]),
    });
    const early = h.collect().series.find((s) => s.labels['id'] === 'early')!;
    expect(early.buckets.map((b) => b.cumulativeCount)).toEqual([1, 1, 2]);
    expect(early.sum).toBe(3.5);
    const last = h.collect().series.find((s) => s.labels['id'] === '199')!;
    expect(last.buckets.map((b) => b.cumulativeCount)).toEqual([0, 1, 1]);
  });

  it('a removed series keeps its handle working on its own; its slot starts the next series at zero', () => {
    const c = new Counter('c_total', '', { labelNames: ['id'] });
    const a = c.labels({ id: 'a' });
    a.inc(5);
    expect(c.remove({ id: 'a' })).toBe(true);
    // The next new series takes the freed slot.
    c.inc(1, { id: 'b' });
    a.inc(10);
    expect(a.get()).toBe(15);
    expect(c.collect().series).toEqual([{ labels: { id: 'b' }, value: 1 }]);
    // The same labels again are a new series, not the detached handle's.
    const again = c.labels({ id: 'a' });
    expect(again).not.toBe(a);
    expect(again.get()).toBe(0);

    const h = new Histogram('h', '', { labelNames: ['id'], buckets: [1] });
    const ha = h.labels({ id: 'a' });
    ha.observe(0.5);
    expect(h.remove({ id: 'a' })).toBe(true);
    h.observe(2, { id: 'b' });
    ha.observe(0.5);
    expect(h.collect().series).toEqual([histogramSeries({ id: 'b' }, [1, Infinity], [0, 1], 2)]);

    const g = new Gauge('g', '', { labelNames: ['id'] });
    const ga = g.labels({ id: 'a' });
    ga.set(7);
    g.remove({ id: 'a' });
    g.set(1, { id: 'b' });
    ga.inc();
    expect(ga.get()).toBe(8);
    expect((g.collect() as GaugeFamily).series).toEqual([{ labels: { id: 'b' }, value: 1 }]);
  });

  it('reset zeroes what bound handles added, and they keep counting', () => {
    const c = new Counter('c_total');
    const a = c.labels({ k: 'a' });
    a.inc(4);
    c.reset();
    expect(a.get()).toBe(0);
    expect(c.collect().series).toEqual([{ labels: { k: 'a' }, value: 0 }]);
    a.inc();
    expect(c.collect().series).toEqual([{ labels: { k: 'a' }, value: 1 }]);
  });

  it('snapshot labels are new objects each collect, so a consumer cannot change the next one', () => {
    const c = new Counter('c_total', '', { labelNames: ['k'] });
    c.inc(1, { k: 'a' });
    const first = c.collect().series[0]!.labels as Record<string, string>;
    first['k'] = 'changed';
    expect(c.collect().series[0]!.labels).toEqual({ k: 'a' });
  });

  const ops = fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('inc' as const),
        id: fc.nat(12),
        by: fc.integer({ min: 0, max: 5 }),
        bound: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('observe' as const),
        id: fc.nat(12),
        value: fc.constantFrom(0.5, 1, 1.5, 3),
        bound: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.nat(12) }),
      fc.record({ kind: fc.constant('reset' as const) }),
    ),
    { maxLength: 120 },
  );

  it('any mix of labeled, bound, remove and reset matches a plain model', () => {
    fc.assert(
      fc.property(ops, (list) => {
        const c = new Counter('c_total', '', { labelNames: ['id'] });
        const h = new Histogram('h', '', { labelNames: ['id'], buckets: [1, 2] });
        const counts = new Map<string, number>();
        const hist = new Map<string, number[]>();
        // Handles taken during the run; remove() detaches them, so they are dropped from the model.
        const cHandles = new Map<string, BoundCounter>();
        const hHandles = new Map<string, BoundObserver>();
        for (const op of list) {
          if (op.kind === 'reset') {
            c.reset();
            h.reset();
            for (const k of counts.keys()) counts.set(k, 0);
            for (const k of hist.keys()) hist.set(k, [0, 0, 0]);
            continue;
          }
          const id = String(op.id);
          if (op.kind === 'remove') {
            expect(c.remove({ id })).toBe(counts.delete(id));
            expect(h.remove({ id })).toBe(hist.delete(id));
            cHandles.delete(id);
            hHandles.delete(id);
          } else if (op.kind === 'inc') {
            if (op.bound) {
              const handle = cHandles.get(id) ?? c.labels({ id });
              cHandles.set(id, handle);
              handle.inc(op.by);
            } else {
              c.inc(op.by, { id });
            }
            counts.set(id, (counts.get(id) ?? 0) + op.by);
            expect(cHandles.get(id)?.get() ?? counts.get(id)).toBe(counts.get(id));
          } else {
            if (op.bound) {
              const handle = hHandles.get(id) ?? h.labels({ id });
              hHandles.set(id, handle);
              handle.observe(op.value);
            } else {
              h.observe(op.value, { id });
            }
            const b = hist.get(id) ?? [0, 0, 0];
            b[op.value <= 1 ? 0 : op.value <= 2 ? 1 : 2]!++;
            hist.set(id, b);
          }
        }
        const gotCounts = new Map(c.collect().series.map((s) => [s.labels['id']!, s.value]));
        expect(gotCounts).toEqual(counts);
        const gotHist = new Map(
          h
            .collect()
            .series.map((s) => [
              s.labels['id']!,
              s.buckets.map(
                (b, i) => b.cumulativeCount - (i > 0 ? s.buckets[i - 1]!.cumulativeCount : 0),
              ),
            ]),
        );
        expect(gotHist).toEqual(hist);
        expect(c.seriesCount).toBe(counts.size);
      }),
      { numRuns: 150 },
    );
  });
});

import type { HistogramFamily, Labels } from '@lexigram/monitor-core';
import { MetricsCollector } from '../../src/collector/metricsCollector.js';

interface Seen {
  labels: Labels;
  perBucket: number[];
  count: number;
  sum: number;
}

function readAll(m: MetricsCollector, name: string): { bounds: readonly number[]; seen: Seen[] } {
  const reader = m.readHistogram(name);
  if (reader === undefined) throw new Error(`no histogram ${name}`);
  const seen: Seen[] = [];
  reader.forEachSeries((labels, counts, offset, count, sum) => {
    const perBucket: number[] = [];
    for (let i = 0; i < reader.upperBounds.length; i++) perBucket.push(counts[offset + i]!);
    seen.push({ labels: { ...labels }, perBucket, count, sum });
  });
  return { bounds: reader.upperBounds, seen };
}

describe('MetricsCollector.readHistogram', () => {
  it('reads each series in place: labels, per-bucket counts, count and sum, as collect() has them', async () => {
    const m = new MetricsCollector({ config: { prefix: 'shop' } });
    const h = m.createHistogram('latency_seconds', 'd', {
      buckets: [0.1, 1],
      labelNames: ['route', 'status'],
    });
    h.observe(0.05, { route: '/a', status: '200' });
    h.observe(0.5, { route: '/a', status: '200' });
    h.observe(5, { route: '/a', status: '200' });
    h.observe(0.1, { route: '/b', status: '500' }); // an upper bound is inclusive
    const { bounds, seen } = readAll(m, 'latency_seconds');
    expect(bounds).toEqual([0.1, 1, Infinity]);
    expect(seen).toEqual([
      { labels: { route: '/a', status: '200' }, perBucket: [1, 1, 1], count: 3, sum: 5.55 },
      { labels: { route: '/b', status: '500' }, perBucket: [1, 0, 0], count: 1, sum: 0.1 },
    ]);
    // The same numbers as the snapshot, which is cumulative.
    const [family] = (await m.collectFamilies(['latency_seconds'])) as HistogramFamily[];
    expect(
      family!.series.map((s) => [
        s.labels,
        s.buckets.map((b) => b.cumulativeCount),
        s.count,
        s.sum,
      ]),
    ).toEqual([
      [{ route: '/a', status: '200' }, [1, 2, 3], 3, 5.55],
      [{ route: '/b', status: '500' }, [1, 1, 1], 1, 0.1],
    ]);
    // The prefixed name resolves too; other kinds and unknown names give undefined.
    expect(readAll(m, 'shop_latency_seconds').seen).toHaveLength(2);
    m.createCounter('orders_total');
    expect(m.readHistogram('orders_total')).toBeUndefined();
    expect(m.readHistogram('nope')).toBeUndefined();
  });

  it('sees the current values on every read, series added later and constant labels', () => {
    const m = new MetricsCollector();
    const h = m.createHistogram('job_seconds', 'd', {
      buckets: [1],
      labelNames: ['queue'],
      labels: { region: 'eu' },
    });
    const reader = m.readHistogram('job_seconds')!;
    const counts = () => {
      const out: [string, number][] = [];
      reader.forEachSeries((labels, _c, _o, count) => out.push([JSON.stringify(labels), count]));
      return out;
    };
    expect(counts()).toEqual([]);
    h.observe(0.5, { queue: 'a' });
    expect(counts()).toEqual([['{"region":"eu","queue":"a"}', 1]]);
    // Enough new series to grow the storage: offsets stay right after the arrays are replaced.
    for (let i = 0; i < 100; i++) h.observe(2, { queue: `q${i}` });
    h.observe(0.5, { queue: 'a' });
    const after = counts();
    expect(after).toHaveLength(101);
    expect(after[0]).toEqual(['{"region":"eu","queue":"a"}', 2]);
    expect(after.slice(1).every(([, count]) => count === 1)).toBe(true);
  });
});

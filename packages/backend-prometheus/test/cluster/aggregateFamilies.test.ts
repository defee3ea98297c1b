import type { MetricFamily } from '@lexigram/monitor-core';
import { aggregateFamilies } from '../../src/cluster/aggregateFamilies.js';
import { decodeFamilies, encodeFamilies } from '../../src/cluster/clusterMessages.js';
import { histogramFamily, histogramSeries } from '@lexigram/test-support';

const hist = (count: number, sum: number): MetricFamily =>
  histogramFamily('lat', [histogramSeries({ r: '/' }, [1, Infinity], [count - 1, count], sum)], {
    unit: 'seconds',
  });

describe('aggregateFamilies', () => {
  it('sums counters and histograms, keeps summaries per worker, applies gauge policies', () => {
    const worker = (id: string, n: number) => ({
      workerId: id,
      families: [
        { name: 'c', help: '', unit: '', type: 'counter', series: [{ labels: {}, value: n }] },
        hist(n, n / 2),
        { name: 'g', help: '', unit: '', type: 'gauge', series: [{ labels: {}, value: n }] },
        {
          name: 'w',
          help: '',
          unit: '',
          type: 'gauge',
          series: [{ labels: { a: 'x' }, value: n }],
        },
        {
          name: 's',
          help: '',
          unit: '',
          type: 'summary',
          series: [{ labels: {}, quantiles: [{ quantile: 0.5, value: n }], count: 1, sum: n }],
        },
      ] as MetricFamily[],
    });
    const out = aggregateFamilies([worker('1', 2), worker('2', 4)], (name) =>
      name === 'g' ? 'max' : 'worker',
    );
    const by = Object.fromEntries(out.map((f) => [f.name, f.series]));
    expect(by.c).toEqual([{ labels: {}, value: 6 }]);
    expect(by.lat).toEqual([histogramSeries({ r: '/' }, [1, Infinity], [4, 6], 3)]);
    expect(by.g).toEqual([{ labels: {}, value: 4 }]);
    expect(by.w).toEqual([
      { labels: { a: 'x', worker: '1' }, value: 2 },
      { labels: { a: 'x', worker: '2' }, value: 4 },
    ]);
    expect(by.s!.map((s) => s.labels)).toEqual([{ worker: '1' }, { worker: '2' }]);
  });

  it('carries NaN and ±Infinity through the JSON IPC encoding', () => {
    const families: MetricFamily[] = [
      hist(1, NaN),
      {
        name: 'g',
        help: '',
        unit: '',
        type: 'gauge',
        series: [{ labels: { v: 'NaN' }, value: -Infinity }],
      },
    ];
    const back = decodeFamilies(JSON.parse(JSON.stringify(encodeFamilies(families))) as string);
    expect(back).toEqual(families);
  });
});

import type { HistogramFamily, MetricFamily } from '@lexigram/monitor-core';
import { RouteAggregator } from '../../src/aggregate/routeAggregator.js';

const BOUNDS = [0.01, 0.1, 1, Number.POSITIVE_INFINITY];

/** A histogram family from per-bucket (non-cumulative) counts per series. */
function family(
  series: { route: string; status: string; counts: number[] }[],
  name = 'http.server.request.duration',
): MetricFamily[] {
  const histogram: HistogramFamily = {
    name,
    help: '',
    unit: 'seconds',
    type: 'histogram',
    series: series.map(({ route, status, counts }) => {
      let cumulative = 0;
      const buckets = BOUNDS.map((upperBound, i) => {
        cumulative += counts[i] ?? 0;
        return { upperBound, cumulativeCount: cumulative };
      });
      return {
        labels: {
          'http.request.method': 'get',
          'http.route': route,
          'http.response.status_code': status,
        },
        buckets,
        count: cumulative,
        sum: 0,
      };
    }),
  };
  return [histogram];
}

describe('RouteAggregator', () => {
  it('shows no history on the first snapshot, then rates and quantiles from deltas', () => {
    const agg = new RouteAggregator();
    const first = agg.update(
      family([
        { route: '/a', status: '200', counts: [100, 0, 0, 0] },
        { route: '/b', status: '500', counts: [0, 50, 0, 0] },
      ]),
      10_000,
    );
    expect(first.overall.rate).toBe(0);
    expect(first.overall.total).toBe(150);
    expect(first.heatmap.counts).toEqual([0, 0, 0, 0]);

    // Two seconds later: /a got 20 more (10 fast, 10 in 0.1..1), /b 4 more failures, /b 200s new.
    const tick = agg.update(
      family([
        { route: '/a', status: '200', counts: [110, 0, 10, 0] },
        { route: '/b', status: '500', counts: [0, 54, 0, 0] },
        { route: '/b', status: '200', counts: [4, 0, 0, 0] },
      ]),
      12_000,
    );
    expect(tick.series).toBe(3);
    const a = tick.routes.find((r) => r.route === '/a')!;
    const b = tick.routes.find((r) => r.route === '/b')!;
    expect(a.method).toBe('GET');
    expect(a.rate).toBeCloseTo(10, 10);
    expect(a.errorRate).toBe(0);
    // 20 requests: 10 in (0, 0.01], 10 in (0.1, 1]; the median sits at the top of the first.
    expect(a.p50).toBeCloseTo(0.01, 10);
    expect(a.p90).toBeCloseTo(0.1 + 0.9 * 0.8, 10);
    expect(b.rate).toBeCloseTo(4, 10);
    expect(b.errorRate).toBeCloseTo(0.5, 10);
    expect(tick.routes[0]?.route).toBe('/a'); // busiest first
    expect(tick.overall.rate).toBeCloseTo(14, 10);
    expect(tick.overall.errorRate).toBeCloseTo(4 / 28, 10);
    expect(tick.heatmap).toEqual({ bounds: BOUNDS, counts: [14, 4, 10, 0] });
  });

  it('treats a series whose count went down as reset, never as a negative rate', () => {
    const agg = new RouteAggregator();
    agg.update(family([{ route: '/a', status: '200', counts: [50, 0, 0, 0] }]), 0);
    const tick = agg.update(family([{ route: '/a', status: '200', counts: [3, 0, 0, 0] }]), 1000);
    expect(tick.routes[0]?.rate).toBeCloseTo(3, 10);
    expect(tick.heatmap.counts).toEqual([3, 0, 0, 0]);
  });

  it('keeps the top routes only, reads at most maxSeries and finds a prefixed metric', () => {
    const agg = new RouteAggregator({ topRoutes: 2, maxSeries: 3 });
    const series = ['/1', '/2', '/3', '/4'].map((route) => ({
      route,
      status: '200',
      counts: [1, 0, 0, 0],
    }));
    const tick = agg.update(family(series, 'app_http.server.request.duration'), 0);
    expect(tick.series).toBe(3);
    expect(tick.routes).toHaveLength(2);
    expect(agg.update([], 1000).routes).toEqual([]);
  });

  it('follows series kept by label object across snapshots, and forgets those that are gone', () => {
    const agg = new RouteAggregator({ topRoutes: 2 });
    const a = family([{ route: '/a', status: '200', counts: [1, 0, 0, 0] }]);
    const b = family([{ route: '/b', status: '500', counts: [2, 0, 0, 0] }]);
    const labelsA = (a[0] as HistogramFamily).series[0]!.labels;
    const labelsB = (b[0] as HistogramFamily).series[0]!.labels;
    const snapshot = (countA: number, countB: number | undefined): MetricFamily[] => {
      const series = [{ labels: labelsA, count: countA }];
      if (countB !== undefined) series.push({ labels: labelsB, count: countB });
      return [
        {
          name: 'http.server.request.duration',
          help: '',
          unit: 'seconds',
          type: 'histogram',
          series: series.map(({ labels, count }) => ({
            labels,
            buckets: BOUNDS.map((upperBound) => ({ upperBound, cumulativeCount: count })),
            count,
            sum: 0,
          })),
        },
      ];
    };
    agg.update(snapshot(1, 2), 0);
    const second = agg.update(snapshot(4, 2), 1000);
    expect(second.routes.map((r) => [r.route, r.rate])).toEqual([
      ['/a', 3],
      ['/b', 0],
    ]);
    // /b is gone: its route disappears; when it comes back, its whole count is new.
    expect(agg.update(snapshot(4, undefined), 2000).routes.map((r) => r.route)).toEqual(['/a']);
    const back = agg.update(snapshot(4, 5), 3000);
    expect(back.routes[0]).toMatchObject({ route: '/b', rate: 5, errorRate: 1 });
    expect(back.overall.total).toBe(9);
  });
});

describe('RouteAggregator.updateFrom (a collector read in place)', () => {
  it('gives tick for tick what update() gives from snapshots of the same collector', async () => {
    const { MetricsCollector } = await import('@lexigram/monitor-metrics');
    const collector = new MetricsCollector();
    const histogram = collector.createHistogram('http.server.request.duration', '', {
      buckets: [0.01, 0.1, 1],
      labelNames: ['http.request.method', 'http.route', 'http.response.status_code'],
    });
    const fromSnapshots = new RouteAggregator({ topRoutes: 5 });
    const inPlace = new RouteAggregator({ topRoutes: 5 });
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let tick = 0; tick < 12; tick++) {
      const observations = tick === 0 ? 50 : Math.floor(random() * 40);
      for (let i = 0; i < observations; i++) {
        histogram.observe(random() * 2, {
          'http.request.method': random() < 0.7 ? 'GET' : 'POST',
          'http.route': `/r${Math.floor(random() * (3 + tick))}`, // new routes keep appearing
          'http.response.status_code': random() < 0.1 ? '500' : '200',
        });
      }
      if (tick === 6)
        histogram.remove({
          'http.request.method': 'GET',
          'http.route': '/r0',
          'http.response.status_code': '200',
        });
      const time = 1_000 * (tick + 1);
      const expected = fromSnapshots.update(
        await collector.collectFamilies(['http.server.request.duration']),
        time,
      );
      const reader = collector.readHistogram('http.server.request.duration')!;
      expect(inPlace.updateFrom(reader, time)).toEqual(expected);
      if (tick > 0) expect(expected.overall.total).toBeGreaterThan(0);
    }
  });
});

import type { HistogramFamily, MetricFamily, SloConfig } from '@lexigram/monitor-core';
import { HistogramSloFeed } from '../../src/index.js';

const METRIC = 'http.server.request.duration';

/** A histogram snapshot: per status, [count at <= 0.1 s, total count]. */
function family(series: Record<string, [number, number]>): HistogramFamily {
  return {
    type: 'histogram',
    name: METRIC,
    help: '',
    unit: 'seconds',
    series: Object.entries(series).map(([status, [fast, total]]) => ({
      labels: { 'http.response.status_code': status },
      buckets: [
        { upperBound: 0.1, cumulativeCount: fast },
        { upperBound: 1, cumulativeCount: total },
      ],
      count: total,
      sum: 0,
    })),
  };
}

function producer(snapshots: MetricFamily[][]) {
  let i = 0;
  return { collect: () => Promise.resolve(snapshots[Math.min(i++, snapshots.length - 1)]!) };
}

const slo = (s: Partial<SloConfig>): SloConfig => ({
  name: 'x',
  objective: 0.9,
  metric: METRIC,
  ...s,
});

describe('HistogramSloFeed', () => {
  it('availability: 5xx series are bad; only new observations are recorded at each refresh', async () => {
    const feed = new HistogramSloFeed(
      producer([
        [family({ '200': [8, 9], '500': [1, 1] })],
        [family({ '200': [8, 19], '500': [1, 1] })],
      ]),
      [slo({ name: 'avail' })],
    );
    await feed.refresh();
    expect(feed.report()[0]!.errorBudget).toMatchObject({ good: 9, bad: 1, total: 10 });
    await feed.refresh();
    expect(feed.report()[0]!.errorBudget).toMatchObject({ good: 19, bad: 1, total: 20 });
  });

  it('reads as core SloStatusProtocol (what the dashboard shows)', async () => {
    const feed = new HistogramSloFeed(producer([[family({ '200': [8, 9], '500': [1, 1] })]]), [
      slo({ name: 'avail', objective: 0.9 }),
      slo({ name: 'lat', thresholdMs: 100 }),
    ]);
    await feed.refresh();
    const [avail, lat] = feed.getSloStatus();
    expect(avail).toMatchObject({
      name: 'avail',
      kind: 'availability',
      objective: 0.9,
      good: 9,
      bad: 1,
      total: 10,
      exhausted: true,
    });
    expect(avail!.budgetRemainingRatio).toBeCloseTo(0, 10);
    expect(lat).toMatchObject({ name: 'lat', kind: 'latency', good: 9, bad: 1, total: 10 });
  });

  it('latency: good is the bucket at the threshold', async () => {
    const feed = new HistogramSloFeed(producer([[family({ '200': [7, 10] })]]), [
      slo({ name: 'lat', thresholdMs: 100 }),
    ]);
    await feed.refresh();
    const [status] = feed.report();
    expect(status).toMatchObject({ kind: 'latency', name: 'lat' });
    expect(status!.errorBudget).toMatchObject({ good: 7, bad: 3, total: 10 });
  });

  it('sends a newly firing burn-rate alert once to the dispatchers', async () => {
    const sendAlert = jest.fn(() => Promise.resolve());
    const dispatcher = { sendAlert, sendMetricAlert: jest.fn(() => Promise.resolve()) };
    const feed = new HistogramSloFeed(
      producer([[family({ '500': [5, 5] })], [family({ '500': [6, 6] })]]),
      [slo({ name: 'burning', objective: 0.99 })],
      { dispatchers: [dispatcher] },
    );
    await feed.refresh();
    await feed.refresh();
    expect(feed.report()[0]!.firing.length).toBeGreaterThan(0);
    const firing = feed.report()[0]!.firing.length;
    expect(sendAlert).toHaveBeenCalledTimes(firing);
    expect(sendAlert.mock.calls[0]).toEqual([
      expect.stringContaining('burning'),
      expect.any(String),
      expect.any(String),
      { slo: 'burning' },
    ]);
  });
});

describe('HistogramSloFeed label spellings', () => {
  it('reads the Prometheus spellings of status and error type too', async () => {
    const prometheus: HistogramFamily = {
      type: 'histogram',
      name: METRIC,
      help: '',
      unit: 'seconds',
      series: (
        [
          { labels: { http_response_status_code: '503' }, count: 2 },
          { labels: { http_response_status_code: '200', error_type: 'Timeout' }, count: 1 },
          { labels: { http_response_status_code: '200' }, count: 7 },
        ] as { labels: Record<string, string>; count: number }[]
      ).map(({ labels, count }) => ({
        labels,
        buckets: [{ upperBound: 1, cumulativeCount: count }],
        count,
        sum: 0,
      })),
    };
    const feed = new HistogramSloFeed(producer([[prometheus]]), [slo({ name: 'avail' })]);
    await feed.refresh();
    expect(feed.report()[0]!.errorBudget).toMatchObject({ good: 7, bad: 3, total: 10 });
  });
});

/**
 * The metric store against a real PostgreSQL (the machine's, started here as the postgres user):
 * rows written, retention applied, queryRange correct, and a stopped database loses nothing
 * within the buffer.
 */
import type { MetricFamily, MonitorFault } from '@lexigram/monitor-core';
import { MetricStore } from '../../src/store/metricStore.js';
import {
  describeWithPostgres,
  startPostgres,
  type PostgresServer,
} from '../support/postgresServer.js';

describeWithPostgres('MetricStore on PostgreSQL', (bin) => {
  let pg: PostgresServer;
  beforeAll(async () => {
    pg = await startPostgres(bin);
  }, 60_000);
  afterAll(() => pg?.destroy());

  it('writes, queries ranges, applies retention, and buffers through an outage', async () => {
    let now = 5_000_000;
    let value = 0;
    const faults: MonitorFault[] = [];
    const source = {
      collect: (): MetricFamily[] => [
        {
          name: 'jobs.done',
          help: '',
          unit: '',
          type: 'counter',
          series: [{ labels: { q: 'a' }, value: ++value }],
        },
        {
          name: 'lat',
          help: '',
          unit: 'seconds',
          type: 'histogram',
          series: [
            {
              labels: { q: 'a' },
              buckets: [
                { upperBound: 1, cumulativeCount: value },
                { upperBound: Infinity, cumulativeCount: value },
              ],
              count: value,
              sum: value / 2,
            },
          ],
        },
      ],
    };
    const store = new MetricStore({
      source,
      databaseUrl: pg.url,
      table: 'lexi_metrics',
      intervalMs: 0,
      retentionMs: 60_000,
      timeoutMs: 2000,
      clock: () => now,
      onError: (f) => faults.push(f),
    });
    await store.start();
    await store.collectNow();
    now += 1000;
    await store.collectNow();
    expect(await store.queryRange({ name: 'jobs_done_total', labels: { q: 'a' } })).toEqual([
      { timeMs: 5_000_000, labels: { q: 'a' }, value: 1 },
      { timeMs: 5_001_000, labels: { q: 'a' }, value: 2 },
    ]);
    const inf = await store.queryRange({ name: 'lat_seconds_bucket', labels: { le: '+Inf' } });
    expect(inf.map((p) => p.value)).toEqual([1, 2]);
    expect(store.bufferedRows).toBe(0);

    // The database goes away: two snapshots wait in the buffer, nothing is thrown.
    pg.stop();
    now += 1000;
    await store.collectNow();
    now += 1000;
    await store.collectNow();
    expect(store.bufferedRows).toBe(2 * 5);
    expect(faults.some((f) => f.code === 'METRIC_STORE_UNAVAILABLE')).toBe(true);

    // Back up: the next write sends everything, in order, and nothing was lost.
    pg.start();
    now += 1000;
    await store.collectNow();
    expect(store.bufferedRows).toBe(0);
    expect(store.droppedRows).toBe(0);
    const all = await store.queryRange({ name: 'jobs_done_total' });
    expect(all.map((p) => [p.timeMs - 5_000_000, p.value])).toEqual([
      [0, 1],
      [1000, 2],
      [2000, 3],
      [3000, 4],
      [4000, 5],
    ]);

    // Retention (60 s): at t = 63.5 s every row older than 3.5 s is deleted.
    now = 5_063_500;
    await store.collectNow();
    const kept = await store.queryRange({ name: 'jobs_done_total' });
    expect(kept.map((p) => p.timeMs - 5_000_000)).toEqual([4000, 63_500]);
    await store.stop();
  }, 60_000);
});

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BackendNotAvailableError,
  type MetricFamily,
  type MonitorFault,
} from '@lexigram/monitor-core';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import { PrometheusBackend } from '../../src/backend/prometheusBackend.js';
import { familiesToRows } from '../../src/store/metricRow.js';
import { MetricStore } from '../../src/store/metricStore.js';
import { histogramFamily, histogramSeries } from '@lexigram/test-support';

describe('familiesToRows', () => {
  it('writes one row per Prometheus sample', () => {
    const families: MetricFamily[] = [
      {
        name: 'orders.created',
        help: '',
        unit: '',
        type: 'counter',
        series: [{ labels: { b: '2', a: '1' }, value: 3 }],
      },
      histogramFamily('lat', [histogramSeries({}, [0.5, Infinity], [1, 2], 1.5)], {
        unit: 'seconds',
      }),
    ];
    expect(familiesToRows(families, 1000)).toEqual([
      { timeMs: 1000, name: 'orders_created_total', labels: '{"a":"1","b":"2"}', value: 3 },
      { timeMs: 1000, name: 'lat_seconds_bucket', labels: '{"le":"0.5"}', value: 1 },
      { timeMs: 1000, name: 'lat_seconds_bucket', labels: '{"le":"+Inf"}', value: 2 },
      { timeMs: 1000, name: 'lat_seconds_sum', labels: '{}', value: 1.5 },
      { timeMs: 1000, name: 'lat_seconds_count', labels: '{}', value: 2 },
    ]);
  });
});

describe('MetricStore on a sql.js file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lexigram-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes snapshots, reads ranges back by labels, applies retention, persists to the file', async () => {
    let now = 1_000_000;
    const collector = new MetricsCollector();
    const orders = collector.createCounter('orders_total', 'Orders', { labelNames: ['channel'] });
    const depth = collector.createGauge('depth', 'Depth');
    const file = join(dir, 'metrics.sqlite');
    const store = new MetricStore({
      source: collector,
      dbFile: file,
      table: 'samples',
      intervalMs: 0,
      retentionMs: 10_000,
      clock: () => now,
    });
    await store.start();
    orders.inc(1, { channel: 'web' });
    orders.inc(5, { channel: 'shop' });
    depth.set(NaN);
    await store.collectNow();
    now += 5_000;
    orders.inc(2, { channel: 'web' });
    depth.set(Infinity);
    await store.collectNow();

    const web = await store.queryRange({ name: 'orders_total', labels: { channel: 'web' } });
    expect(web).toEqual([
      { timeMs: 1_000_000, labels: { channel: 'web' }, value: 1 },
      { timeMs: 1_005_000, labels: { channel: 'web' }, value: 3 },
    ]);
    expect(await store.queryRange({ name: 'orders_total', from: 1_004_000 })).toHaveLength(2);
    expect((await store.queryRange({ name: 'depth' })).map((p) => p.value)).toEqual([
      NaN,
      Infinity,
    ]);

    now += 8_000; // the first snapshot is now 13 s old, past the 10 s retention
    await store.collectNow();
    expect(
      (await store.queryRange({ name: 'orders_total', labels: { channel: 'web' } })).map(
        (p) => p.timeMs,
      ),
    ).toEqual([1_005_000, 1_013_000]);
    await store.stop();
    expect(existsSync(file)).toBe(true);

    const reopened = new MetricStore({
      source: { collect: () => [] },
      dbFile: file,
      table: 'samples',
      intervalMs: 0,
      clock: () => now,
    });
    await reopened.start();
    expect(
      await reopened.queryRange({ name: 'orders_total', labels: { channel: 'shop' } }),
    ).toHaveLength(3);
    await reopened.stop();
  });

  it('raises BackendNotAvailableError naming the package when the driver is missing', async () => {
    const missing = Object.assign(new Error("Cannot find module 'sql.js'"), {
      code: 'MODULE_NOT_FOUND',
    });
    const store = new MetricStore({
      source: { collect: () => [] },
      dbFile: join(dir, 'x.sqlite'),
      importer: () => Promise.reject(missing),
    });
    const error = await store.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendNotAvailableError);
    expect((error as BackendNotAvailableError).packageName).toBe('sql.js');
    expect((error as Error).message).toMatch(/npm install sql\.js/);
    const pg = new MetricStore({
      source: { collect: () => [] },
      databaseUrl: 'postgres://x@127.0.0.1:1/db',
      importer: () =>
        Promise.reject(Object.assign(new Error('nope'), { code: 'ERR_MODULE_NOT_FOUND' })),
    });
    await expect(pg.start()).rejects.toThrow(/npm install pg/);
  });

  it('keeps rows in a bounded buffer while writes fail and counts what it drops', async () => {
    const faults: MonitorFault[] = [];
    const store = new MetricStore({
      source: {
        collect: () => [
          { name: 'g', help: '', unit: '', type: 'gauge', series: [{ labels: {}, value: 1 }] },
        ],
      },
      dbFile: join(dir, 'b.sqlite'),
      intervalMs: 0,
      maxBufferedRows: 3,
      onError: (f) => faults.push(f),
    });
    await store.start();
    const driver = (store as any).driver;
    const insert = driver.insert.bind(driver);
    driver.insert = () => Promise.reject(new Error('disk full'));
    for (let i = 0; i < 5; i++) await store.collectNow();
    expect(store.bufferedRows).toBe(3);
    expect(store.droppedRows).toBe(2);
    expect(faults.map((f) => f.code)).toContain('METRIC_STORE_UNAVAILABLE');
    expect(faults.map((f) => f.code)).toContain('METRIC_STORE_BUFFER_FULL');
    driver.insert = insert;
    await store.flush();
    expect(store.bufferedRows).toBe(0);
    expect(await store.queryRange({ name: 'g' })).toHaveLength(3);
    await store.stop();
  });

  it('is wired into PrometheusBackend by storeInDb', async () => {
    const file = join(dir, 'backend.sqlite');
    const backend = new PrometheusBackend({
      serve: false,
      enableDefaultMetrics: false,
      env: false,
      storeIntervalMs: 0,
      config: { prometheus: { storeInDb: true, dbFile: file, metricsTable: 'lexi_metrics' } },
    });
    await backend.initialize();
    backend.recordMetric('orders.created', 4, 'counter', { channel: 'web' });
    await backend.store!.collectNow();
    const points = await backend.store!.queryRange({ name: 'orders_created_total' });
    expect(points.map((p) => [p.labels, p.value])).toEqual([[{ channel: 'web' }, 4]]);
    await backend.shutdown();
    expect(existsSync(file)).toBe(true);
  });
});

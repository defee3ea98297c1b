import { setImmediate as immediate } from 'node:timers/promises';
import {
  InvalidMetricError,
  MonitorConfigError,
  NOOP_METRICS_COLLECTOR,
  ObservabilityService,
  type CollectableMetric,
  type MetricFamily,
} from '@lexigram/monitor-core';
import { MetricsCollector } from '../../src/collector/metricsCollector.js';
import type { MetricCollectionError } from '@lexigram/monitor-core';
import { Counter } from '../../src/instruments/counter.js';
import type { Histogram } from '../../src/instruments/histogram.js';
import { captureWarnings as captureLogger } from '@lexigram/test-support';

function byName(families: MetricFamily[]): Record<string, MetricFamily> {
  return Object.fromEntries(families.map((f) => [f.name, f]));
}

describe('MetricsCollector', () => {
  it('creates get-or-create by name and type, with the prefix applied', () => {
    const m = new MetricsCollector({ config: { prefix: 'shop' } });
    const c = m.createCounter('orders_total', 'Orders');
    expect(m.createCounter('orders_total')).toBe(c);
    expect(c.name).toBe('shop_orders_total');
    expect(m.createGauge('g')).toBe(m.createGauge('g'));
    expect(m.createHistogram('h')).toBe(m.createHistogram('h'));
    expect(m.createSummary('s')).toBe(m.createSummary('s'));
    expect(m.getMetric('orders_total')).toBe(c);
    expect(m.getMetric('shop_orders_total')).toBe(c);
    expect(m.getMetric('missing')).toBeUndefined();
    expect([...m.getAllMetrics().keys()]).toEqual([
      'shop_orders_total',
      'shop_g',
      'shop_h',
      'shop_s',
    ]);
  });

  it('refuses the same name with another type', () => {
    const m = new MetricsCollector();
    m.createCounter('x');
    expect(() => m.createGauge('x')).toThrow(InvalidMetricError);
    expect(() => m.createHistogram('x')).toThrow(
      /already exists as a counter.*cannot be created as a histogram/,
    );
    expect(() => m.setGauge('x', 1)).toThrow(InvalidMetricError);
    expect(() => m.createCounter('bad name')).toThrow(/Invalid metric name/);
  });

  it('records by name, creating on first use', async () => {
    const m = new MetricsCollector({ config: { prefix: 'app_' } });
    m.increment('hits_total', 1, { route: '/a' });
    m.increment('hits_total', 2, { route: '/' });
    m.increment('hits_total');
    m.setGauge('temp', 21.5);
    m.recordHistogram('latency', 0.2);
    m.recordHistogram('latency', 0.3);
    const families = byName(await m.collect());
    expect(families.app_hits_total).toMatchObject({
      type: 'counter',
      series: [
        { labels: { route: '/a' }, value: 1 },
        { labels: { route: '/' }, value: 2 },
        { labels: { route: '' }, value: 1 },
      ],
    });
    expect(families.app_temp).toMatchObject({ type: 'gauge', series: [{ value: 21.5 }] });
    expect(families.app_latency).toMatchObject({ type: 'histogram', series: [{ count: 2 }] });
  });

  it('applies default labels, cardinality cap and default buckets from MetricsConfig', async () => {
    const logger = captureLogger();
    const m = new MetricsCollector({
      config: { defaultLabels: { env: 'prod' }, maxSeriesPerMetric: 2, histogramBuckets: [1, 5] },
      logger,
    });
    const c = m.createCounter('c_total', '', { labels: { svc: 'api' } });
    for (let i = 0; i < 5; i++) c.inc(1, { id: String(i) });
    const h = m.createHistogram('h') as Histogram;
    expect(h.buckets).toEqual([1, 5]);
    expect((m.createHistogram('h2', '', { buckets: [2] }) as Histogram).buckets).toEqual([2]);
    const families = byName(await m.collect());
    expect(families.c_total!.series.map((s) => s.labels)).toEqual([
      { env: 'prod', svc: 'api', id: '0' },
      { env: 'prod', svc: 'api', id: '1' },
      { env: 'prod', svc: 'api', lexigram_overflow: 'true' },
    ]);
    expect(logger.warnings).toHaveLength(1);
    // An instrument's own constant label wins over a default of the same name.
    const own = m.createGauge('g', '', { labels: { env: 'dev' } });
    own.set(1);
    expect(byName(await m.collect()).g!.series[0]!.labels).toEqual({ env: 'dev' });
  });

  it('registers external metrics and collects those that can be', async () => {
    const m = new MetricsCollector({ config: { prefix: 'p' } });
    const own = new Counter('standalone_total');
    own.inc(3);
    m.registerMetric(own);
    m.registerMetric(own);
    const plain = { name: 'plain', description: '', record: () => undefined };
    m.registerMetric(plain);
    expect(m.getMetric('standalone_total')).toBe(own);
    expect(m.getMetric('plain')).toBe(plain);
    expect(m.createCounter('standalone_total')).not.toBe(own); // that one is p_standalone_total
    expect(() => m.registerMetric(new Counter('standalone_total'))).toThrow(
      /A different metric named "standalone_total" is already registered/,
    );
    expect(() => m.registerMetric({ name: 'bad name' } as never)).toThrow(InvalidMetricError);
    const names = (await m.collect()).map((f) => f.name);
    expect(names).toEqual(['standalone_total', 'p_standalone_total']);
  });

  it('runs gauge callbacks (sync and async) at collect time', async () => {
    const m = new MetricsCollector();
    let n = 1;
    m.createGauge('sync_g', '', { collect: (g) => g.set(n) });
    m.createGauge('async_g', '', {
      collect: async (g) => {
        await immediate();
        g.set(n * 10);
      },
    });
    n = 4;
    const families = byName(await m.collect());
    expect(families.sync_g!.series).toEqual([{ labels: {}, value: 4 }]);
    expect(families.async_g!.series).toEqual([{ labels: {}, value: 40 }]);
  });

  it('a throwing, rejecting or hanging callback is left out and reported; the rest survive', async () => {
    const errors: MetricCollectionError[] = [];
    const m = new MetricsCollector({
      collectTimeoutMs: 100,
      onCollectError: (e) => errors.push(e),
    });
    m.createCounter('before_total').inc(1);
    m.createGauge('throws', '', {
      collect: () => {
        throw new Error('sync boom');
      },
    });
    m.createGauge('rejects', '', { collect: () => Promise.reject(new Error('async boom')) });
    m.createGauge('hangs', '', { collect: () => new Promise<void>(() => undefined) });
    m.createGauge('fine', '', { collect: (g) => g.set(1) });
    m.createCounter('after_total').inc(2);
    const started = Date.now();
    const families = await m.collect();
    const took = Date.now() - started;
    expect(families.map((f) => f.name)).toEqual(['before_total', 'fine', 'after_total']);
    expect(took).toBeLessThan(5000);
    expect(errors.map((e) => [e.metricName, e.timedOut, e.code])).toEqual([
      ['throws', false, 'METRIC_COLLECTION_FAILED'],
      ['rejects', false, 'METRIC_COLLECTION_FAILED'],
      ['hangs', true, 'METRIC_COLLECTION_FAILED'],
    ]);
    expect(errors[0]!.message).toMatch(/sync boom/);
    expect((errors[1]!.cause as Error).message).toBe('async boom');
    expect(errors[2]!.message).toMatch(/did not settle within 100 ms/);
  });

  it('reports to the logger by default and survives a throwing reporter', async () => {
    const logger = captureLogger();
    const m = new MetricsCollector({ logger });
    m.createGauge('bad', '', {
      collect: () => {
        throw new Error('x');
      },
    });
    await expect(m.collect()).resolves.toEqual([]);
    expect(logger.warnings[0]!.details).toMatchObject({ metric: 'bad', timedOut: false });
    const m2 = new MetricsCollector({
      onCollectError: () => {
        throw new Error('reporter bug');
      },
    });
    m2.createGauge('bad', '', { collect: () => Promise.reject(new Error('x')) });
    await expect(m2.collect()).resolves.toEqual([]);
  });

  it('collects a foreign collectable metric too', async () => {
    const foreign: CollectableMetric = {
      name: 'foreign',
      description: '',
      type: 'gauge',
      record: () => undefined,
      collect: () => ({ name: 'foreign', help: '', unit: '', type: 'gauge', series: [] }),
    };
    const m = new MetricsCollector();
    m.registerMetric(foreign);
    expect(await m.collect()).toEqual([
      { name: 'foreign', help: '', unit: '', type: 'gauge', series: [] },
    ]);
  });

  it('is all no-ops when disabled', async () => {
    const m = new MetricsCollector({ config: { enabled: false } });
    expect(m.createCounter('c')).toBe(NOOP_METRICS_COLLECTOR);
    expect(m.createGauge('g')).toBe(NOOP_METRICS_COLLECTOR);
    expect(m.createHistogram('h')).toBe(NOOP_METRICS_COLLECTOR);
    expect(m.createSummary('s')).toBe(NOOP_METRICS_COLLECTOR);
    m.increment('c');
    m.registerMetric(new Counter('x'));
    expect(await m.collect()).toEqual([]);
    expect(m.getAllMetrics().size).toBe(0);
  });

  it('rejects bad config with MonitorConfigError naming each field', () => {
    expect(
      () => new MetricsCollector({ config: { prefix: 'bad prefix', maxSeriesPerMetric: 0 } }),
    ).toThrow(MonitorConfigError);
    try {
      new MetricsCollector({ config: { prefix: '1x', typo: true } as never });
    } catch (error) {
      expect((error as MonitorConfigError).fields.map((f) => f.path).sort()).toEqual([
        'metrics.prefix',
        'metrics.typo',
      ]);
    }
    expect(() => new MetricsCollector({ collectTimeoutMs: 0 })).toThrow(/collectTimeoutMs/);
  });

  it('works behind core’s ObservabilityService and MetricProxy', async () => {
    const m = new MetricsCollector();
    const obs = new ObservabilityService({ meter: m });
    expect(obs.metricsEnabled).toBe(true);
    obs.counter('proxied_total').increment(2);
    obs.counter('proxied_total').increment();
    expect(obs.counter('proxied_total').value).toBe(3);
    obs.histogram('proxied_ms').record(12);
    const families = byName(await m.collect());
    expect(families.proxied_total!.series).toEqual([{ labels: {}, value: 3 }]);
    expect(families.proxied_ms).toMatchObject({
      type: 'histogram',
      series: [{ count: 1, sum: 12 }],
    });
  });
});

import type { MonitorFault } from '@lexigram/monitor-core';
import { MetricsCollector } from '../../src/collector/metricsCollector.js';

describe('MetricsCollector.collectFamilies', () => {
  it('snapshots only the named metrics, in registration order, prefix applied or not', async () => {
    const m = new MetricsCollector({ config: { prefix: 'shop' } });
    m.createCounter('orders_total').inc(2);
    m.createHistogram('http.server.request.duration', '', { buckets: [0.1] }).observe(0.05);
    m.createGauge('queue_depth').set(7);

    const families = await m.collectFamilies([
      'queue_depth',
      'shop_orders_total',
      'missing_metric',
      'queue_depth',
    ]);

    expect(families.map((f) => f.name)).toEqual(['shop_orders_total', 'shop_queue_depth']);
    expect(families[1]).toMatchObject({ type: 'gauge', series: [{ value: 7 }] });
    expect(await m.collectFamilies(['missing_metric'])).toEqual([]);
    expect(await m.collectFamilies([])).toEqual([]);
  });

  it('leaves out a failing gauge callback and reports it, as collect() does', async () => {
    const faults: MonitorFault[] = [];
    const m = new MetricsCollector({ onError: (fault) => faults.push(fault) });
    m.createGauge('broken', '', {
      collect: () => {
        throw new Error('probe down');
      },
    });
    m.createCounter('ok_total').inc();

    const families = await m.collectFamilies(['broken', 'ok_total']);

    expect(families.map((f) => f.name)).toEqual(['ok_total']);
    expect(faults).toEqual([
      expect.objectContaining({
        code: 'COLLECT_FAILED',
        details: expect.objectContaining({ metric: 'broken' }),
      }),
    ]);
  });

  it('is empty when the collector is disabled', async () => {
    const m = new MetricsCollector({ config: { enabled: false } });
    m.createCounter('orders_total').inc();
    expect(await m.collectFamilies(['orders_total'])).toEqual([]);
  });
});

import {
  InMemoryMetricsBackend,
  NOOP_HEALTH_CHECK_REGISTRY,
  NOOP_METRICS_COLLECTOR,
  NoOpMetricsBackend,
} from '@lexigram/monitor-core';

describe('NoOpMetricsCollector', () => {
  it('is every instrument it creates and drops everything', async () => {
    const c = NOOP_METRICS_COLLECTOR;
    const counter = c.createCounter('requests_total', 'Requests');
    expect(counter).toBe(c);
    expect(c.createGauge('g')).toBe(c);
    expect(c.createHistogram('h')).toBe(c);
    expect(c.createSummary('s')).toBe(c);
    expect(counter.labels({ method: 'GET' })).toBe(c);
    counter.inc(5);
    c.increment('x');
    c.setGauge('g', 1);
    c.recordHistogram('h', 1);
    expect(c.get()).toBe(0);
    expect(c.getMetric('requests_total')).toBeUndefined();
    expect(c.getAllMetrics().size).toBe(0);
    expect(c.startTimer()()).toBe(0);
    expect(c.remove({ method: 'GET' })).toBe(false);
    expect(c.name).toBe('noop');
    await expect(c.collect()).resolves.toEqual([]);
  });
});

describe('NoOpHealthCheckRegistry', () => {
  it('reports healthy with no checks for every probe', async () => {
    const r = NOOP_HEALTH_CHECK_REGISTRY;
    r.add('db', () => false);
    for (const report of await Promise.all([
      r.runAll(),
      r.runLiveness(),
      r.runReadiness(),
      r.runStartup(),
    ])) {
      expect(report).toEqual({ status: 'healthy', checks: {} });
    }
    const own = await r.check();
    expect(own.status).toBe('healthy');
    expect(own.durationMs).toBe(0);
  });
});

describe('metrics backends built into core', () => {
  it('NoOpMetricsBackend accepts everything', async () => {
    const b = new NoOpMetricsBackend();
    await b.initialize();
    b.recordMetric('x', 1, 'counter');
    await b.shutdown();
  });

  it('InMemoryMetricsBackend sums counters, keeps last gauge, and is bounded', () => {
    const b = new InMemoryMetricsBackend({ maxSeries: 2 });
    b.recordMetric('hits', 1, 'counter', { route: '/a' });
    b.recordMetric('hits', 2, 'counter', { route: '/a' });
    b.recordMetric('temp', 10, 'gauge');
    b.recordMetric('temp', 7, 'gauge');
    expect(b.get('hits', 'counter', { route: '/a' })?.value).toBe(3);
    expect(b.get('temp', 'gauge')?.value).toBe(7);
    b.recordMetric('other', 1, 'gauge');
    expect(b.values()).toHaveLength(2);
    expect(b.evicted).toBe(1);
    expect(b.get('hits', 'counter', { route: '/a' })).toBeUndefined();
  });

  it('InMemoryMetricsBackend keeps label sets apart whatever they contain', () => {
    const b = new InMemoryMetricsBackend();
    b.recordMetric('m', 1, 'counter', { a: '1,b=2' });
    b.recordMetric('m', 1, 'counter', { a: '1', b: '2' });
    expect(b.values()).toHaveLength(2);
  });
});

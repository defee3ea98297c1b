import type * as Core from '@lexigram/monitor-core';
import {
  NOOP_METRICS_COLLECTOR,
  NOOP_TRACER,
  NoOpTracer,
  ObservabilityService,
  getObservability,
  resetObservability,
  setObservability,
  type CounterProtocol,
  type HistogramProtocol,
  type Labels,
  type MetricsCollectorProtocol,
} from '@lexigram/monitor-core';

/** A collector that records calls, built on the no-op one. */
function recordingCollector() {
  const calls: Array<[string, string, number, Labels | undefined]> = [];
  const counter = (name: string) =>
    ({
      inc: (v = 1, l?: Labels) => calls.push(['counter', name, v, l]),
    }) as unknown as CounterProtocol;
  const histogram = (name: string) =>
    ({
      observe: (v: number, l?: Labels) => calls.push(['histogram', name, v, l]),
    }) as unknown as HistogramProtocol;
  const created: string[] = [];
  const collector = {
    ...NOOP_METRICS_COLLECTOR,
    createCounter: (name: string) => (created.push(name), counter(name)),
    createHistogram: (name: string) => (created.push(name), histogram(name)),
    registerMetric: jest.fn(),
  } as unknown as MetricsCollectorProtocol;
  return { collector, calls, created };
}

describe('ObservabilityService', () => {
  it('works on no-ops when nothing is configured', async () => {
    const obs = new ObservabilityService();
    expect(obs.tracer).toBe(NOOP_TRACER);
    expect(obs.meter).toBe(NOOP_METRICS_COLLECTOR);
    expect(obs.tracingEnabled).toBe(false);
    expect(obs.span('x', () => 1)).toBe(1);
    await expect(obs.span('y', { a: 1 }, async () => 2)).resolves.toBe(2);
    obs.counter('c').increment();
    expect(obs.counter('c').value).toBe(1);
  });

  it('counter() returns a cached MetricProxy that increments the instrument', () => {
    const { collector, calls, created } = recordingCollector();
    const obs = new ObservabilityService({ meter: collector });
    const proxy = obs.counter('orders_total');
    expect(obs.counter('orders_total')).toBe(proxy);
    proxy.increment();
    proxy.increment(2, { shop: 'a' });
    expect(proxy.value).toBe(3);
    expect(proxy.name).toBe('orders_total');
    expect(created).toEqual(['orders_total']);
    expect(calls).toEqual([
      ['counter', 'orders_total', 1, undefined],
      ['counter', 'orders_total', 2, { shop: 'a' }],
    ]);
  });

  it('histogram() records values', () => {
    const { collector, calls } = recordingCollector();
    const obs = new ObservabilityService({ meter: collector });
    obs.histogram('size').record(12);
    expect(calls).toEqual([['histogram', 'size', 12, undefined]]);
  });

  it('timer records the duration of sync, async and throwing work in seconds', async () => {
    const { collector, calls } = recordingCollector();
    const obs = new ObservabilityService({ meter: collector });
    expect(obs.timer('t', () => 'v')).toBe('v');
    await expect(
      obs.timer('t', () => new Promise((r) => setTimeout(() => r('late'), 30))),
    ).resolves.toBe('late');
    expect(() =>
      obs.timer('t', () => {
        throw new Error('sync fail');
      }),
    ).toThrow('sync fail');
    await expect(obs.timer('t', () => Promise.reject(new Error('async fail')))).rejects.toThrow(
      'async fail',
    );
    expect(calls).toHaveLength(4);
    expect(calls[1]![2]).toBeGreaterThanOrEqual(0.025);
    expect(calls[1]![2]).toBeLessThan(10);
    const stop = obs.startTimer('t2', { op: 'x' });
    expect(stop()).toBeGreaterThanOrEqual(0);
    expect(calls[4]![0]).toBe('histogram');
  });

  it('span() passes attributes to the tracer', () => {
    const obs = new ObservabilityService({ tracer: new NoOpTracer({ keepAttributes: true }) });
    const attrs = obs.span('job', { id: 7 }, (span) => span.attributes);
    expect(attrs).toEqual({ id: 7 });
  });

  it('registerMetric delegates to the collector', () => {
    const { collector } = recordingCollector();
    const obs = new ObservabilityService({ meter: collector });
    const metric = { name: 'm', description: '', record: () => undefined };
    obs.registerMetric(metric);
    expect(collector.registerMetric).toHaveBeenCalledWith(metric);
  });
});

describe('process-wide default service', () => {
  afterEach(() => resetObservability());

  it('starts on no-ops, can be replaced and reset', () => {
    expect(getObservability().metricsEnabled).toBe(false);
    const mine = new ObservabilityService({ meter: recordingCollector().collector });
    setObservability(mine);
    expect(getObservability()).toBe(mine);
    resetObservability();
    expect(getObservability()).not.toBe(mine);
  });

  it('is the same object for the CJS build (decorators in other packages find it)', async () => {
    const cjs = (await import('../../dist/index.cjs')) as unknown as typeof Core;
    const mine = new ObservabilityService();
    setObservability(mine);
    expect(cjs.getObservability()).toBe(mine);
  });
});

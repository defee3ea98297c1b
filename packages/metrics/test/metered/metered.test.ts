import { setImmediate as immediate } from 'node:timers/promises';
import {
  InvalidMetricError,
  ObservabilityService,
  resetObservability,
  setObservability,
  type HistogramFamily,
} from '@lexigram/monitor-core';
import { MetricsCollector } from '../../src/collector/metricsCollector.js';
import { metered, meteredFunction } from '../../src/metered/metered.js';
import { defaultMeteredName } from '../../src/metered/meteredName.js';
import { validateMetricName } from '../../src/validation/names.js';
import { captureWarnings as captureLogger, sleep } from '@lexigram/test-support';

async function histogram(m: MetricsCollector, name: string): Promise<HistogramFamily> {
  const family = (await m.collect()).find((f) => f.name === name);
  if (family?.type !== 'histogram') throw new Error(`no histogram ${name}`);
  return family;
}

describe('defaultMeteredName', () => {
  it('maps the reference’s {module}.{qualname}.duration to a valid Prometheus name', () => {
    expect(defaultMeteredName('OrderService.place', 'orders.api')).toBe(
      'orders.api.OrderService.place.duration',
    );
    expect(defaultMeteredName('fetchUser')).toBe('fetchUser.duration');
    expect(defaultMeteredName('a b', '1mod')).toBe('_1mod.a_b.duration');
    expect(() => validateMetricName(defaultMeteredName('x-y.z', 'my-mod'))).not.toThrow();
  });
});

describe('meteredFunction', () => {
  afterEach(() => resetObservability());

  it('records sync durations in seconds on the process-wide service', async () => {
    const m = new MetricsCollector();
    setObservability(new ObservabilityService({ meter: m }));
    function add(a: number, b: number): number {
      return a + b;
    }
    const wrapped = meteredFunction(add, { module: 'math' });
    expect(wrapped.name).toBe('add');
    expect(wrapped(2, 3)).toBe(5);
    expect(wrapped(1, 1)).toBe(2);
    const family = await histogram(m, 'math.add.duration');
    expect(family.unit).toBe('s');
    expect(family.series[0]!.count).toBe(2);
    expect(family.series[0]!.sum).toBeGreaterThanOrEqual(0);
    expect(family.series[0]!.sum).toBeLessThan(1);
  });

  it('records async durations after the promise settles, also on rejection', async () => {
    jest.useFakeTimers(); // metered reads the (faked) monotonic clock
    try {
      const m = new MetricsCollector();
      const service = new ObservabilityService({ meter: m });
      const slow = meteredFunction(
        async (fail: boolean) => {
          await sleep(30);
          if (fail) throw new Error('nope');
          return 'ok';
        },
        { name: 'slow_seconds', service, labels: { op: 'x' } },
      );
      const pending = slow(false);
      expect((await m.collect()).length).toBe(0);
      await jest.advanceTimersByTimeAsync(30);
      await expect(pending).resolves.toBe('ok');
      const failing = expect(slow(true)).rejects.toThrow('nope');
      await jest.advanceTimersByTimeAsync(30);
      await failing;
      const family = await histogram(m, 'slow_seconds');
      expect(family.series[0]!.labels).toEqual({ op: 'x' });
      expect(family.series[0]!.count).toBe(2);
      expect(family.series[0]!.sum).toBeCloseTo(0.06, 6);
    } finally {
      jest.useRealTimers();
    }
  });

  it('records a sync throw and rethrows it', async () => {
    const m = new MetricsCollector();
    const service = new ObservabilityService({ meter: m });
    const boom = meteredFunction(
      () => {
        throw new TypeError('bad');
      },
      { name: 'boom_seconds', service, buckets: [0.5] },
    );
    expect(() => boom()).toThrow(TypeError);
    const family = await histogram(m, 'boom_seconds');
    expect(family.series[0]!.count).toBe(1);
    expect(family.series[0]!.buckets.map((b) => b.upperBound)).toEqual([0.5, Infinity]);
  });

  it('follows setObservability: a new meter gets its own histogram', async () => {
    const first = new MetricsCollector();
    const second = new MetricsCollector();
    const f = meteredFunction(() => 1, 'f_seconds');
    setObservability(new ObservabilityService({ meter: first }));
    f();
    setObservability(new ObservabilityService({ meter: second }));
    f();
    f();
    expect((await histogram(first, 'f_seconds')).series[0]!.count).toBe(1);
    expect((await histogram(second, 'f_seconds')).series[0]!.count).toBe(2);
  });

  it('costs nothing visible on the default no-op service', () => {
    expect(meteredFunction((x: number) => x * 2)(21)).toBe(42);
  });

  it('rejects an invalid explicit name at wrap time', () => {
    expect(() => meteredFunction(() => 1, 'bad,name')).toThrow(InvalidMetricError);
    expect(() => metered({ name: 'also bad' })).toThrow(/Invalid metric name/);
  });

  it('a recording fault is logged once and never reaches the caller', () => {
    const m = new MetricsCollector();
    m.createCounter('taken');
    const logger = captureLogger();
    const f = meteredFunction(() => 'still works', {
      name: 'taken',
      service: new ObservabilityService({ meter: m }),
      logger,
    });
    expect(f()).toBe('still works');
    expect(f()).toBe('still works');
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]!.message).toMatch(/could not record "taken"/);
  });
});

describe('@metered method decorator', () => {
  afterEach(() => resetObservability());

  it('names by class and method, keeps this, and handles sync, async and static methods', async () => {
    const m = new MetricsCollector();
    setObservability(new ObservabilityService({ meter: m }));

    class Orders {
      constructor(private readonly factor: number) {}

      @metered({ module: 'shop' })
      total(n: number): number {
        return n * this.factor;
      }

      @metered()
      async place(): Promise<string> {
        await immediate();
        return 'placed';
      }

      @metered('orders_fail_seconds')
      fail(): never {
        throw new Error('fail');
      }

      @metered()
      static count(): number {
        return 7;
      }
    }

    const orders = new Orders(3);
    expect(orders.total(2)).toBe(6);
    expect(await orders.place()).toBe('placed');
    expect(() => orders.fail()).toThrow('fail');
    expect(Orders.count()).toBe(7);
    const names = (await m.collect()).map((f) => f.name).sort();
    expect(names).toEqual([
      'Orders.count.duration',
      'Orders.place.duration',
      'orders_fail_seconds',
      'shop.Orders.total.duration',
    ]);
    for (const name of names) expect((await histogram(m, name)).series[0]!.count).toBe(1);
  });
});

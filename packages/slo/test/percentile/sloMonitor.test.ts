import {
  InvalidMetricError,
  InvalidSampleError,
  MonitorConfigError,
  createHookBus,
  monitorHooks,
  type AlertDispatcherProtocol,
  type AlertFiredHook,
  type MonitorFault,
} from '@lexigram/monitor-core';
import { SLO, SLOMonitor, SLOViolation } from '../../src/index.js';
import { captureLogger } from '../support/captureLogger.js';
import { exactQuantile, latencySampler } from '../support/random.js';

const T0 = Date.UTC(2024, 4, 1, 12);
const p99 = {
  name: 'api.p99',
  metric: 'http.request.duration',
  percentile: 0.99,
  thresholdMs: 200,
} as const;

/** A dispatcher that records what it is asked to send. */
function recordingDispatcher() {
  const calls: { method: string; args: unknown[] }[] = [];
  const dispatcher: AlertDispatcherProtocol = {
    sendAlert: async (...args) => void calls.push({ method: 'sendAlert', args }),
    sendMetricAlert: async (...args) => void calls.push({ method: 'sendMetricAlert', args }),
  };
  return { dispatcher, calls };
}

function setup(options: ConstructorParameters<typeof SLOMonitor>[0] = {}) {
  let now = T0;
  const { logger, records } = captureLogger();
  const hooks = createHookBus();
  const monitor = new SLOMonitor({ clock: () => now, logger, hooks, ...options });
  return {
    monitor,
    records,
    hooks,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

describe('SLOMonitor', () => {
  it('registers SLOs (instances or options) and lists them by name', () => {
    const { monitor } = setup();
    const a = monitor.register(p99);
    const b = monitor.register(new SLO({ ...p99, name: 'api.p50', percentile: 0.5 }));
    expect(a).toBeInstanceOf(SLO);
    const slos = monitor.registeredSlos;
    expect([...slos.keys()]).toEqual(['api.p99', 'api.p50']);
    expect(slos.get('api.p50')).toBe(b);
    // A snapshot: changing it does not change the monitor.
    (slos as Map<string, SLO>).delete('api.p99');
    expect(monitor.registeredSlos.size).toBe(2);
  });

  it('rejects a duplicate name', () => {
    const { monitor } = setup();
    monitor.register(p99);
    expect(() => monitor.register({ ...p99, metric: 'other' })).toThrow(MonitorConfigError);
    expect(() => monitor.register(p99)).toThrow(/an SLO named "api.p99" is already registered/);
  });

  it('rejects an invalid SLO with an error naming the field', () => {
    const { monitor } = setup();
    expect(() => monitor.register({ ...p99, percentile: 1.5 })).toThrow(/percentile: must be/);
  });

  it('returns no violations without samples', async () => {
    const { monitor, records } = setup();
    monitor.register(p99);
    await expect(monitor.evaluate()).resolves.toEqual([]);
    expect(records()).toEqual([]);
    expect(monitor.measure('api.p99')).toBeUndefined();
  });

  it('returns no violations while the percentile is under the threshold', async () => {
    const { monitor } = setup();
    monitor.register(p99);
    for (let i = 0; i < 1000; i++) monitor.recordSample(p99.metric, 100 + (i % 50));
    await expect(monitor.evaluate()).resolves.toEqual([]);
    expect(monitor.measure('api.p99')).toMatchObject({ sampleCount: 1000, violated: false });
  });

  it('reports a violation with the measured value, burn rate, time and message', async () => {
    const { monitor, now } = setup();
    monitor.register(p99);
    for (let i = 0; i < 98; i++) monitor.recordSample(p99.metric, 150);
    monitor.recordSample(p99.metric, 350);
    monitor.recordSample(p99.metric, 350);
    const [violation, ...rest] = await monitor.evaluate();
    expect(rest).toEqual([]);
    expect(violation).toBeInstanceOf(SLOViolation);
    expect(violation!.slo.name).toBe('api.p99');
    // The sketch answers within 1 % of the exact p99 (350).
    expect(Math.abs(violation!.measuredValueMs - 350) / 350).toBeLessThanOrEqual(0.01);
    expect(violation!.burnRate).toBe(violation!.measuredValueMs / 200);
    expect(violation!.sampleCount).toBe(100);
    expect(violation!.detectedAt).toEqual(new Date(now()));
    expect(violation!.message).toMatch(
      /^SLO api\.p99 violated: p99 of http\.request\.duration is 34\d(\.\d+)? ms over the last 1h, threshold 200 ms/,
    );
  });

  it('uses burnRateThreshold: 1.5 tolerates 20 % over the threshold but not 60 %', async () => {
    const { monitor } = setup();
    monitor.register({ ...p99, burnRateThreshold: 1.5 });
    for (let i = 0; i < 100; i++) monitor.recordSample(p99.metric, 240);
    await expect(monitor.evaluate()).resolves.toEqual([]);
    monitor.clear();
    for (let i = 0; i < 100; i++) monitor.recordSample(p99.metric, 320);
    const violations = await monitor.evaluate();
    expect(violations.map((v) => v.burnRate)).toEqual([1.6]);
  });

  it('violates when the percentile equals the threshold (burn rate reaches 1)', async () => {
    const { monitor } = setup();
    monitor.register(p99);
    monitor.recordSample(p99.metric, 200);
    expect((await monitor.evaluate()).map((v) => v.burnRate)).toEqual([1]);
  });

  it('measures p99 of many samples within 1 % of the exact value', () => {
    const { monitor } = setup();
    monitor.register(p99);
    const next = latencySampler(42, 80, 0.9);
    const values = new Float64Array(100_000);
    for (let i = 0; i < values.length; i++) {
      values[i] = next();
      monitor.recordSample(p99.metric, values[i]!);
    }
    values.sort();
    const exact = exactQuantile(values, 0.99);
    const measured = monitor.measure('api.p99')!.valueMs;
    expect(Math.abs(measured - exact) / exact).toBeLessThanOrEqual(0.01);
  });

  it('forgets samples older than the window', async () => {
    const { monitor, advance } = setup({ slotsPerWindow: 6 });
    monitor.register({ ...p99, windowMs: 60_000 });
    for (let i = 0; i < 100; i++) monitor.recordSample(p99.metric, 900);
    expect(await monitor.evaluate()).toHaveLength(1);
    advance(30_000);
    for (let i = 0; i < 100; i++) monitor.recordSample(p99.metric, 50);
    expect(await monitor.evaluate()).toHaveLength(1);
    advance(35_000); // the slow samples are now over a minute old
    expect(await monitor.evaluate()).toEqual([]);
    expect(monitor.measure('api.p99')).toMatchObject({ valueMs: 50, sampleCount: 100 });
  });

  it('evaluates each SLO over its own window when SLOs share a metric', async () => {
    const { monitor, advance } = setup({ slotsPerWindow: 6 });
    monitor.register({ ...p99, name: 'short', windowMs: 60_000 });
    monitor.register({ ...p99, name: 'long', windowMs: 600_000 });
    for (let i = 0; i < 10; i++) monitor.recordSample(p99.metric, 500);
    advance(120_000);
    for (let i = 0; i < 10; i++) monitor.recordSample(p99.metric, 10);
    const violations = await monitor.evaluate();
    expect(violations.map((v) => v.slo.name)).toEqual(['long']);
  });

  it('logs each violation as a structured warning', async () => {
    const { monitor, records } = setup();
    monitor.register(p99);
    monitor.recordSample(p99.metric, 500);
    await monitor.evaluate();
    const [record] = records();
    expect(record).toMatchObject({
      level: 'warn',
      component: 'slo-monitor',
      slo: 'api.p99',
      metric: 'http.request.duration',
      percentile: 0.99,
      measuredValueMs: 500,
      thresholdMs: 200,
      burnRate: 2.5,
      sampleCount: 1,
    });
    expect(record!.msg).toContain('SLO api.p99 violated');
  });

  it('sends violations to the dispatcher as metric alerts', async () => {
    const { dispatcher, calls } = recordingDispatcher();
    const { monitor } = setup({ dispatcher });
    monitor.register(p99);
    monitor.recordSample(p99.metric, 500);
    await monitor.evaluate();
    expect(calls).toHaveLength(1);
    const [metric, value, threshold, context] = calls[0]!.args as [string, number, number, any];
    expect(calls[0]!.method).toBe('sendMetricAlert');
    expect([metric, value, threshold]).toEqual(['http.request.duration', 500, 200]);
    expect(context).toMatchObject({ slo: 'api.p99', percentile: 0.99, burnRate: 2.5 });
    expect(context.message).toContain('SLO api.p99 violated');
  });

  it('can have its dispatcher set later', async () => {
    const { dispatcher, calls } = recordingDispatcher();
    const { monitor } = setup();
    expect(monitor.dispatcher).toBeUndefined();
    monitor.dispatcher = dispatcher;
    expect(monitor.dispatcher).toBe(dispatcher);
    monitor.register(p99);
    monitor.recordSample(p99.metric, 500);
    await monitor.evaluate();
    expect(calls).toHaveLength(1);
  });

  it('logs, and does not throw, when the dispatcher fails', async () => {
    const failing: AlertDispatcherProtocol = {
      sendAlert: () => Promise.reject(new Error('nope')),
      sendMetricAlert: () => {
        throw new Error('slack is down');
      },
    };
    const { monitor, records } = setup({ dispatcher: failing });
    monitor.register(p99);
    monitor.recordSample(p99.metric, 500);
    await expect(monitor.evaluate()).resolves.toHaveLength(1);
    const failure = records().find((r) => r.level === 'error');
    expect(failure).toMatchObject({ msg: 'alert dispatcher failed', alert: 'api.p99' });
    expect((failure!.err as { message: string }).message).toBe('slack is down');
  });

  it('fires the alertFired hook for each violation', async () => {
    const { monitor, hooks } = setup();
    const fired: AlertFiredHook[] = [];
    hooks.alertFired.subscribe((alert) => fired.push(alert));
    monitor.register(p99);
    monitor.recordSample(p99.metric, 500);
    await monitor.evaluate();
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      alertName: 'api.p99',
      severity: 'high',
      context: { slo: 'api.p99', metric: 'http.request.duration' },
    });
    expect(fired[0]!.message).toContain('violated');
  });

  it("emits on core's process-wide hooks by default", async () => {
    const { logger } = captureLogger();
    const monitor = new SLOMonitor({ logger });
    const fired: string[] = [];
    const off = monitorHooks.alertFired.subscribe((alert) => fired.push(alert.alertName));
    try {
      monitor.register(p99);
      monitor.recordSample(p99.metric, 250);
      await monitor.evaluate();
    } finally {
      off();
    }
    expect(fired).toEqual(['api.p99']);
  });

  it('ignores samples of metrics no SLO reads', async () => {
    const { monitor } = setup();
    monitor.register(p99);
    monitor.recordSample('unrelated', 10_000);
    await expect(monitor.evaluate()).resolves.toEqual([]);
  });

  it('rejects samples that are not finite numbers >= 0', () => {
    const { monitor } = setup();
    monitor.register(p99);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => monitor.recordSample(p99.metric, bad)).toThrow(InvalidMetricError);
    }
    expect(() => monitor.recordSample(p99.metric, -1)).toThrow(
      /finite number of milliseconds >= 0/,
    );
    // Its own error now (INVALID_SAMPLE), still an InvalidMetricError for one minor version.
    expect(() => monitor.recordSample(p99.metric, -1)).toThrow(InvalidSampleError);
    expect(() => monitor.recordSample(p99.metric, '5' as unknown as number)).toThrow(
      InvalidMetricError,
    );
  });

  it('clear(metric) forgets one metric; clear() forgets all', async () => {
    const { monitor } = setup();
    monitor.register(p99);
    monitor.register({ ...p99, name: 'db.p99', metric: 'db.query.duration' });
    monitor.recordSample(p99.metric, 500);
    monitor.recordSample('db.query.duration', 500);
    monitor.clear('db.query.duration');
    expect((await monitor.evaluate()).map((v) => v.slo.name)).toEqual(['api.p99']);
    monitor.recordSample('db.query.duration', 500);
    monitor.clear();
    await expect(monitor.evaluate()).resolves.toEqual([]);
    expect(monitor.registeredSlos.size).toBe(2);
  });

  it('unregister removes an SLO and the samples only it read', async () => {
    const { monitor } = setup();
    monitor.register(p99);
    monitor.register({ ...p99, name: 'api.p50', percentile: 0.5 });
    monitor.recordSample(p99.metric, 500);
    expect(monitor.unregister('api.p50')).toBe(true);
    expect(monitor.unregister('api.p50')).toBe(false);
    // The shared window survives for api.p99.
    expect((await monitor.evaluate()).map((v) => v.slo.name)).toEqual(['api.p99']);
    monitor.unregister('api.p99');
    monitor.recordSample(p99.metric, 500);
    await expect(monitor.evaluate()).resolves.toEqual([]);
    monitor.register(p99);
    await expect(monitor.evaluate()).resolves.toEqual([]);
  });

  it('rejects bad window settings at construction', () => {
    expect(() => new SLOMonitor({ slotsPerWindow: 0 })).toThrow(/slots/);
    expect(() => new SLOMonitor({ relativeAccuracy: 2 })).toThrow(/relativeAccuracy/);
  });

  it('evaluates in the background once started, and stops', async () => {
    jest.useFakeTimers();
    try {
      const { dispatcher, calls } = recordingDispatcher();
      const { logger } = captureLogger();
      const monitor = new SLOMonitor({ dispatcher, logger, hooks: createHookBus() });
      monitor.register(p99);
      monitor.recordSample(p99.metric, 500);
      monitor.start(10);
      expect(calls).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(10);
      const seen = calls.length;
      expect(seen).toBeGreaterThan(0);
      await monitor.stop();
      await jest.advanceTimersByTimeAsync(50);
      expect(calls.length).toBe(seen);
    } finally {
      jest.useRealTimers();
    }
  });

  it('reports a failed scheduled evaluation through onError and keeps going', async () => {
    jest.useFakeTimers();
    try {
      const faults: MonitorFault[] = [];
      const monitor = new SLOMonitor({ hooks: createHookBus(), onError: (f) => faults.push(f) });
      let runs = 0;
      monitor.evaluate = () => {
        runs++;
        return Promise.reject(new Error('boom'));
      };
      monitor.start(10);
      await jest.advanceTimersByTimeAsync(30);
      expect(runs).toBe(3);
      expect(faults.map((f) => [f.code, f.component])).toEqual([
        ['EVALUATION_FAILED', 'slo.sloMonitor'],
        ['EVALUATION_FAILED', 'slo.sloMonitor'],
        ['EVALUATION_FAILED', 'slo.sloMonitor'],
      ]);
      await monitor.shutdown();
      await monitor.shutdown();
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses an interval Node would overflow, naming it', () => {
    const monitor = new SLOMonitor({ hooks: createHookBus() });
    expect(() => monitor.start(2 ** 31)).toThrow(MonitorConfigError);
    expect(() => monitor.start(2 ** 31)).toThrow(/intervalMs: must be at most 2147483647 ms/);
  });
});

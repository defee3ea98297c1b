import { setMonitorDiagnostics, type MonitorFault } from '@lexigram/monitor-core';
import { ErrorBudgetMonitor, SLOMonitor } from '../../src/index.js';

const hung = () => new Promise<void>(() => {});

describe('a hung dispatcher never stops alerting nor blocks stop() (F3)', () => {
  let faults: MonitorFault[];
  beforeEach(() => {
    faults = [];
    setMonitorDiagnostics((fault) => void faults.push(fault));
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
    setMonitorDiagnostics(undefined);
  });

  it('SLOMonitor: later evaluations still dispatch, and stop() resolves', async () => {
    let sends = 0;
    const mon = new SLOMonitor({
      logging: { enabled: false },
      dispatchTimeoutMs: 1000,
      dispatcher: {
        sendAlert: hung,
        sendMetricAlert: () => {
          sends++;
          return hung();
        },
      },
    });
    mon.register({ name: 'api.p99', metric: 'lat', percentile: 0.99, thresholdMs: 10 });
    mon.recordSample('lat', 100);
    mon.start(100);
    await jest.advanceTimersByTimeAsync(100);
    expect(sends).toBe(1);
    await jest.advanceTimersByTimeAsync(1000);
    await jest.advanceTimersByTimeAsync(100);
    expect(sends).toBe(2); // the loop kept evaluating after the hung dispatch
    let stopped = false;
    void mon.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(1000);
    expect(stopped).toBe(true);
  });

  it('SLOMonitor: stop() has a deadline even when an evaluation itself hangs', async () => {
    const mon = new SLOMonitor({ logging: { enabled: false }, shutdownTimeoutMs: 500 });
    jest.spyOn(mon, 'evaluate').mockImplementation(hung as never);
    mon.start(10);
    await jest.advanceTimersByTimeAsync(10);
    let stopped = false;
    void mon.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(499);
    expect(stopped).toBe(false);
    await jest.advanceTimersByTimeAsync(60);
    expect(stopped).toBe(true);
    expect(faults.map((f) => f.code)).toContain('SHUTDOWN_TIMEOUT');
  });

  it('ErrorBudgetMonitor: the same loop, the same bounds', async () => {
    let sends = 0;
    const budgets = new ErrorBudgetMonitor({
      logging: { enabled: false },
      dispatchTimeoutMs: 1000,
      dispatcher: {
        sendAlert: () => {
          sends++;
          return hung();
        },
        sendMetricAlert: hung,
      },
    });
    budgets.register({ name: 'api', objective: 0.9 }).recordBad(100);
    budgets.start(100);
    await jest.advanceTimersByTimeAsync(100);
    const first = sends;
    expect(first).toBeGreaterThan(0);
    await jest.advanceTimersByTimeAsync(1100);
    expect(sends).toBeGreaterThan(first);
    let stopped = false;
    void budgets.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(1000);
    expect(stopped).toBe(true);
  });

  it('rejects dispatch and shutdown deadlines a timer cannot honour (F4)', () => {
    for (const field of ['dispatchTimeoutMs', 'shutdownTimeoutMs'] as const) {
      expect(() => new SLOMonitor({ [field]: 30 * 86_400_000 })).toThrow(
        new RegExp(`${field}: must be at most 2147483647`),
      );
      expect(() => new ErrorBudgetMonitor({ [field]: 2 ** 31 })).toThrow(field);
    }
    expect(() => new SLOMonitor().start(30 * 86_400_000)).toThrow(/intervalMs/);
    expect(() => new ErrorBudgetMonitor().start(Number.MAX_SAFE_INTEGER)).toThrow(/intervalMs/);
  });
});

describe('a logger that throws never becomes an unhandled rejection (F8)', () => {
  it('SLO and error-budget loops keep running with a broken logger', async () => {
    const unhandled: unknown[] = [];
    const on = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', on);
    setMonitorDiagnostics(() => {});
    try {
      const broken: Record<string, unknown> = {
        level: 'info',
        info() {},
        debug() {},
        trace() {},
        warn() {
          throw new Error('log down');
        },
        error() {
          throw new Error('log down');
        },
        fatal() {
          throw new Error('log down');
        },
      };
      broken.child = () => broken;
      let sent = 0;
      const dispatcher = {
        sendAlert: async () => void sent++,
        sendMetricAlert: async () => void sent++,
      };
      const mon = new SLOMonitor({ logger: broken as never, dispatcher });
      mon.register({ name: 'api.p99', metric: 'lat', percentile: 0.99, thresholdMs: 10 });
      mon.recordSample('lat', 100);
      const budgets = new ErrorBudgetMonitor({ logger: broken as never, dispatcher });
      budgets.register({ name: 'api', objective: 0.9 }).recordBad(10);
      await expect(mon.evaluate()).resolves.toHaveLength(1);
      await expect(budgets.evaluate()).resolves.not.toHaveLength(0);
      // Virtual time for the loops; ticks and immediates stay real so a rejection left
      // unhandled still surfaces before the check below.
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      mon.start(5);
      budgets.start(5);
      await jest.advanceTimersByTimeAsync(60);
      await mon.stop();
      await budgets.stop();
      await new Promise((resolve) => setImmediate(resolve));
      // The two evaluate() calls above sent 3; the loops' 12 ticks each sent more.
      expect(sent).toBeGreaterThan(10);
      expect(unhandled).toEqual([]);
    } finally {
      jest.useRealTimers();
      process.off('unhandledRejection', on);
      setMonitorDiagnostics(undefined);
    }
  });
});

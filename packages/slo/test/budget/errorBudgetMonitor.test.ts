import {
  MonitorConfigError,
  createHookBus,
  type AlertDispatcherProtocol,
  type AlertFiredHook,
} from '@lexigram/monitor-core';
import { ErrorBudgetMonitor, ErrorBudgetTracker, RatioSLO } from '../../src/index.js';
import { captureLogger } from '../support/captureLogger.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function setup() {
  let now = 10_000 * 24 * HOUR;
  const calls: unknown[][] = [];
  const dispatcher: AlertDispatcherProtocol = {
    sendAlert: async (...args) => void calls.push(args),
    sendMetricAlert: async () => {},
  };
  const { logger, records } = captureLogger();
  const hooks = createHookBus();
  const monitor = new ErrorBudgetMonitor({ clock: () => now, logger, hooks, dispatcher });
  return {
    monitor,
    calls,
    records,
    hooks,
    traffic(tracker: ErrorBudgetTracker, minutes: number, good: number, total: number) {
      for (let i = 0; i < minutes; i++) {
        tracker.recordEvents(good, total);
        now += MINUTE;
      }
    },
  };
}

describe('ErrorBudgetMonitor', () => {
  it('registers SLOs and returns their trackers', () => {
    const { monitor } = setup();
    const tracker = monitor.register({ name: 'checkout', objective: 0.999 });
    monitor.register(new RatioSLO({ name: 'search', objective: 0.99, thresholdMs: 250 }));
    expect(tracker).toBeInstanceOf(ErrorBudgetTracker);
    expect(monitor.tracker('checkout')).toBe(tracker);
    expect([...monitor.registeredSlos.keys()]).toEqual(['checkout', 'search']);
    expect(monitor.registeredSlos.get('search')!.kind).toBe('latency');
  });

  it('rejects a duplicate name', () => {
    const { monitor } = setup();
    monitor.register({ name: 'checkout', objective: 0.999 });
    expect(() => monitor.register({ name: 'checkout', objective: 0.99 })).toThrow(
      MonitorConfigError,
    );
  });

  it('answers budget and burn rate by name, undefined for unknown names', () => {
    const { monitor } = setup();
    const tracker = monitor.register({ name: 'checkout', objective: 0.99 });
    tracker.recordEvents(98, 100);
    expect(monitor.errorBudget('checkout')).toMatchObject({
      bad: 2,
      allowedBad: 1,
      exhausted: true,
    });
    expect(monitor.burnRate('checkout')).toBeCloseTo(2, 10);
    expect(monitor.burnRate('checkout', 5 * MINUTE)).toBeCloseTo(2, 10);
    expect(monitor.errorBudget('nope')).toBeUndefined();
    expect(monitor.burnRate('nope')).toBeUndefined();
    expect(monitor.unregister('checkout')).toBe(true);
    expect(monitor.tracker('checkout')).toBeUndefined();
  });

  it('evaluates nothing to alert on when budgets are healthy', async () => {
    const { monitor, calls, records, traffic } = setup();
    traffic(monitor.register({ name: 'checkout', objective: 0.999 }), 120, 1000, 1000);
    await expect(monitor.evaluate()).resolves.toEqual([]);
    expect(calls).toEqual([]);
    expect(records()).toEqual([]);
  });

  it('pages through the dispatcher, the log and the hook on a fast burn', async () => {
    const { monitor, calls, records, hooks, traffic } = setup();
    const fired: AlertFiredHook[] = [];
    hooks.alertFired.subscribe((a) => fired.push(a));
    const checkout = monitor.register({ name: 'checkout', objective: 0.999 });
    traffic(checkout, 3 * 24 * 60, 100, 100);
    traffic(checkout, 2, 0, 100);

    const alerts = await monitor.evaluate();
    expect(alerts.map((a) => a.rule.name)).toEqual(['page-1h']);

    expect(calls).toHaveLength(1);
    const [title, message, severity, context] = calls[0] as [string, string, string, any];
    expect(title).toBe('SLO checkout: page (page-1h)');
    expect(message).toBe(alerts[0]!.message);
    expect(severity).toBe('critical');
    expect(context).toMatchObject({
      slo: 'checkout',
      rule: 'page-1h',
      action: 'page',
      burnRateThreshold: 14.4,
      longWindowMs: HOUR,
      shortWindowMs: 5 * MINUTE,
    });

    const [record] = records();
    expect(record).toMatchObject({
      level: 'error',
      slo: 'checkout',
      rule: 'page-1h',
      longBad: 200,
    });

    expect(fired).toEqual([
      expect.objectContaining({ alertName: 'checkout/page-1h', severity: 'critical', message }),
    ]);
  });

  it('logs tickets at warn', async () => {
    const { monitor, records, traffic } = setup();
    traffic(monitor.register({ name: 'checkout', objective: 0.999 }), 3 * 24 * 60, 1997, 2000);
    const alerts = await monitor.evaluate();
    expect(alerts.map((a) => a.rule.action)).toEqual(['ticket']);
    expect(records()[0]).toMatchObject({ level: 'warn', rule: 'ticket-3d' });
  });

  it('keeps working when the dispatcher rejects', async () => {
    const { monitor, records, traffic } = setup();
    monitor.dispatcher = {
      sendAlert: () => Promise.reject(new Error('pager down')),
      sendMetricAlert: async () => {},
    };
    traffic(monitor.register({ name: 'checkout', objective: 0.999 }), 10, 0, 100);
    await expect(monitor.evaluate()).resolves.not.toHaveLength(0);
    expect(records().some((r) => r.msg === 'alert dispatcher failed')).toBe(true);
  });

  it('passes its tier layout to every tracker', () => {
    const { logger } = captureLogger();
    const monitor = new ErrorBudgetMonitor({
      logger,
      tiers: { fineSlotMs: 10_000, fineSpanMs: HOUR, coarseSlotMs: HOUR },
    });
    const tracker = monitor.register({ name: 'x', objective: 0.9, periodMs: 24 * HOUR });
    // 360 ten-second slots for an hour, and hourly slots for the 3-day ticket window.
    expect(tracker.slotCount).toBe(360 + 72);
  });

  it('evaluates in the background once started', async () => {
    jest.useFakeTimers();
    const calls: string[] = [];
    const { logger } = captureLogger();
    const monitor = new ErrorBudgetMonitor({
      logger,
      hooks: createHookBus(),
      dispatcher: { sendAlert: async (t) => void calls.push(t), sendMetricAlert: async () => {} },
    });
    monitor.register({ name: 'checkout', objective: 0.999 }).recordBad(100);
    try {
      monitor.start(10);
      await jest.advanceTimersByTimeAsync(10);
      await monitor.stop();
      expect(calls).toContain('SLO checkout: page (page-1h)');
    } finally {
      jest.useRealTimers();
    }
  });
});

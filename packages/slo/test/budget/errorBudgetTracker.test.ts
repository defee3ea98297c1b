import { InvalidMetricError, InvalidSampleError, isMonitorError } from '@lexigram/monitor-core';
import { type BurnRateAlert, ErrorBudgetTracker, type RatioSLO } from '../../src/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A tracker on a fake clock that starts on a day boundary. */
function setup(objective = 0.999, extra: Partial<ConstructorParameters<typeof RatioSLO>[0]> = {}) {
  let now = 20_000 * DAY;
  const tracker = new ErrorBudgetTracker(
    { name: 'checkout', objective, ...extra },
    { clock: () => now },
  );
  return {
    tracker,
    advance: (ms: number) => {
      now += ms;
    },
    /** Each minute for `minutes`: `good` good events out of `total`. */
    traffic(minutes: number, good: number, total: number) {
      for (let i = 0; i < minutes; i++) {
        tracker.recordEvents(good, total);
        now += MINUTE;
      }
    },
  };
}

const firing = (tracker: ErrorBudgetTracker) => tracker.firingRules().map((a) => a.rule.name);

describe('ErrorBudgetTracker', () => {
  it('counts good and bad events exactly through every record method', () => {
    const { tracker } = setup();
    tracker.recordGood();
    tracker.recordGood(9);
    tracker.recordBad();
    tracker.recordBad(2);
    tracker.record(true);
    tracker.record(false);
    tracker.recordEvents(5, 7);
    expect(tracker.window(HOUR)).toMatchObject({ good: 16, total: 22, bad: 6 });
  });

  it('reports the error budget at any time', () => {
    const { tracker } = setup();
    expect(tracker.errorBudget()).toMatchObject({
      total: 0,
      remainingRatio: 1,
      consumedRatio: 0,
      exhausted: false,
    });
    tracker.recordEvents(9_995, 10_000); // 5 bad of an allowance of 10
    expect(tracker.errorBudget()).toEqual({
      periodMs: 30 * DAY,
      good: 9_995,
      total: 10_000,
      bad: 5,
      allowedBad: 10,
      remainingRatio: 0.5,
      consumedRatio: 0.5,
      exhausted: false,
      burnRate: 0.5,
    });
    // 5 more bad events also raise the allowance: 10 of 10.005 is not quite all of it.
    tracker.recordBad(5);
    expect(tracker.errorBudget()).toMatchObject({ bad: 10, total: 10_005, exhausted: false });
    tracker.recordBad(10);
    expect(tracker.errorBudget().exhausted).toBe(true);
    expect(tracker.errorBudget().remainingRatio).toBeLessThan(0);

    const exact = setup().tracker;
    exact.recordEvents(9_990, 10_000); // bad events exactly equal the allowance
    expect(exact.errorBudget()).toMatchObject({ exhausted: true, remainingRatio: 0 });
  });

  it('reports the burn rate over any window (default 1 h)', () => {
    const { tracker, traffic } = setup();
    traffic(60, 990, 1000); // 1 % errors: 10x a 0.1 % budget
    expect(tracker.burnRate()).toBeCloseTo(10, 10);
    expect(tracker.burnRate(5 * MINUTE)).toBeCloseTo(10, 10);
    expect(tracker.window(5 * MINUTE)).toMatchObject({ total: 4000 }); // 4 whole minutes + now
  });

  it('counts latency events as good when at or under the threshold', () => {
    const { tracker } = setup(0.99, { thresholdMs: 300 });
    tracker.recordLatency(120);
    tracker.recordLatency(300);
    tracker.recordLatency(301);
    expect(tracker.window(MINUTE)).toMatchObject({ good: 2, total: 3, bad: 1 });
  });

  it('rejects bad counts and latency on an availability SLO', () => {
    const { tracker } = setup();
    expect(() => tracker.recordGood(-1)).toThrow(InvalidMetricError);
    expect(() => tracker.recordGood(-1)).toThrow(InvalidSampleError);
    try {
      tracker.recordGood(-1);
    } catch (error) {
      expect(isMonitorError(error, 'INVALID_SAMPLE')).toBe(true);
    }
    expect(() => tracker.recordBad(1.5)).toThrow(/whole numbers >= 0/);
    expect(() => tracker.recordEvents(3, 2)).toThrow(/cannot outnumber/);
    expect(() => tracker.recordLatency(10)).toThrow(/availability SLO; give it a thresholdMs/);
    const latency = setup(0.99, { thresholdMs: 300 }).tracker;
    expect(() => latency.recordLatency(Number.NaN)).toThrow(InvalidMetricError);
  });

  describe('multi-window, multi-burn-rate rules (SRE Workbook)', () => {
    it('pages on a fast burn over 1 h with 5 min, and nothing else', () => {
      const { tracker, traffic } = setup();
      traffic(3 * 24 * 60, 100, 100); // three clean days at 100 events a minute
      traffic(1, 0, 100); // one minute of total outage
      traffic(3, 100, 100);
      // Now is the start of a fresh minute, so 1 h holds 59 minutes of traffic and 5 min holds 4:
      // 1 h: 100 bad / 5 900 = 16.9x; 5 min: 100 / 400 = 250x. 6 h: 2.8x; 3 d: 0.23x.
      const alerts = tracker.firingRules();
      expect(alerts.map((a) => a.rule.name)).toEqual(['page-1h']);
      const [alert] = alerts as [BurnRateAlert];
      expect(alert.long).toMatchObject({ windowMs: HOUR, bad: 100, total: 5900 });
      expect(alert.long.burnRate).toBeCloseTo(16.949, 3);
      expect(alert.short).toMatchObject({ windowMs: 5 * MINUTE, bad: 100, total: 400 });
      expect(alert.short.burnRate).toBeCloseTo(250, 10);
      expect(alert.severity).toBe('critical');
      expect(alert.title).toBe('SLO checkout: page (page-1h)');
      expect(alert.message).toBe(
        'SLO checkout is burning its error budget at 16.95x over 1h and 250x over 5m (page at 14.4x); 76.9 % of the 30d budget left',
      );
    });

    it('stops paging as soon as the short window is clean, though the long one still burns', () => {
      const { tracker, traffic } = setup();
      traffic(3 * 24 * 60, 100, 100);
      traffic(1, 0, 100);
      traffic(10, 100, 100);
      expect(tracker.window(HOUR).burnRate).toBeGreaterThan(14.4);
      expect(tracker.window(5 * MINUTE).burnRate).toBe(0);
      expect(firing(tracker)).toEqual([]);
    });

    it('does not page on a short spike the long window does not confirm', () => {
      const { tracker, traffic } = setup();
      traffic(3 * 24 * 60, 1000, 1000);
      traffic(1, 900, 1000); // 10 % errors for a minute: 1 h burn 100 / 60 000 = 1.7x
      expect(tracker.window(5 * MINUTE).burnRate).toBeGreaterThan(14.4);
      expect(firing(tracker)).toEqual([]);
    });

    it('pages on a slower burn over 6 h with 30 min', () => {
      const { tracker, traffic } = setup();
      traffic(3 * 24 * 60, 1000, 1000);
      traffic(6 * 60, 992, 1000); // 0.8 % errors for six hours: 8x
      expect(firing(tracker)).toEqual(['page-6h']);
    });

    it('opens a ticket on a steady 1.5x burn over 3 days with 6 h', () => {
      const { tracker, traffic } = setup();
      traffic(3 * 24 * 60, 1997, 2000); // 0.15 % errors for three days: 1.5x
      expect(firing(tracker)).toEqual(['ticket-3d']);
      const [ticket] = tracker.firingRules();
      expect(ticket!.severity).toBe('medium');
      expect(ticket!.long.windowMs).toBe(3 * DAY);
    });

    it('fires at exactly the threshold, where floating point would not', () => {
      const { tracker } = setup(0.999, {
        burnRateRules: [
          {
            name: 'exact',
            action: 'ticket',
            burnRate: 1,
            longWindowMs: HOUR,
            shortWindowMs: 5 * MINUTE,
          },
        ],
      });
      tracker.recordEvents(999, 1000); // exactly the budget: burn rate 1
      expect(1 / 1000 / (1 - 0.999)).toBeLessThan(1);
      expect(firing(tracker)).toEqual(['exact']);
    });

    it('fires nothing without events', () => {
      expect(firing(setup().tracker)).toEqual([]);
    });
  });

  it('keeps a fixed number of slots however many events arrive', () => {
    const { tracker, traffic } = setup();
    const slots = tracker.slotCount;
    expect(slots).toBe(360 + 720);
    traffic(2 * 24 * 60, 1000, 1000);
    expect(tracker.slotCount).toBe(slots);
  });

  it('reset() forgets every event', () => {
    const { tracker } = setup();
    tracker.recordBad(3);
    tracker.reset();
    expect(tracker.errorBudget().total).toBe(0);
  });
});

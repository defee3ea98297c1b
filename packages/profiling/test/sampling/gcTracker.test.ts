import { constants } from 'node:perf_hooks';
import { GcTracker } from '../../src/sampling/gcTracker.js';
import { sleep } from '@lexigram/test-support';
import { churn } from '../support/work.js';

const { NODE_PERFORMANCE_GC_MAJOR: MAJOR, NODE_PERFORMANCE_GC_MINOR: MINOR } = constants;

describe('GcTracker', () => {
  it('counts every entry of a batch, by kind', () => {
    const tracker = new GcTracker();
    tracker.handleEntries([
      { duration: 1, detail: { kind: MINOR } },
      { duration: 2, detail: { kind: MINOR } },
      { duration: 7, detail: { kind: MAJOR } },
      { duration: 0.5, detail: { kind: constants.NODE_PERFORMANCE_GC_INCREMENTAL } },
      { duration: 0.25, detail: { kind: constants.NODE_PERFORMANCE_GC_WEAKCB } },
      // Node < 16 put the kind on the entry itself.
      { duration: 1.25, kind: MAJOR },
    ]);
    const totals = tracker.totals();
    expect(totals.count).toBe(6);
    expect(totals.countByKind).toEqual({ minor: 2, major: 2, incremental: 1, weakcb: 1 });
    expect(totals.totalPauseMs).toBeCloseTo(12);
    expect(totals.maxPauseMs).toBe(7);
  });

  it('reports windows and starts a new one on each take', () => {
    const tracker = new GcTracker();
    tracker.handleEntries([
      { duration: 1, detail: { kind: MINOR } },
      { duration: 3, detail: { kind: MINOR } },
    ]);
    expect(tracker.takeWindow()).toEqual({ count: 2, pauseMs: 4 });
    expect(tracker.takeWindow()).toEqual({ count: 0, pauseMs: 0 });
    tracker.handleEntries([{ duration: 5, detail: { kind: MAJOR } }]);
    expect(tracker.takeWindow()).toEqual({ count: 1, pauseMs: 5 });
    expect(tracker.totals().count).toBe(3);
  });

  it('passes every pause to the listener and survives a throwing listener', () => {
    const seen: [string, number][] = [];
    const tracker = new GcTracker((kind, ms) => {
      seen.push([kind, ms]);
      throw new Error('listener bug');
    });
    expect(() =>
      tracker.handleEntries([
        { duration: 1, detail: { kind: MINOR } },
        { duration: 2, detail: { kind: MAJOR } },
      ]),
    ).not.toThrow();
    expect(seen).toEqual([
      ['minor', 1],
      ['major', 2],
    ]);
    expect(tracker.totals().count).toBe(2);
  });

  it('observes real collections while started, and not after stop', async () => {
    const tracker = new GcTracker();
    tracker.start();
    expect(tracker.active).toBe(true);
    churn(2_000_000);
    await sleep(50); // entries are delivered asynchronously
    const during = tracker.totals();
    expect(during.count).toBeGreaterThan(0);
    expect(during.countByKind.minor).toBeGreaterThan(0);
    expect(during.totalPauseMs).toBeGreaterThan(0);
    tracker.stop();
    expect(tracker.active).toBe(false);
    churn(2_000_000);
    await sleep(50);
    expect(tracker.totals().count).toBe(during.count);
  });

  it('resets its figures on a new start', async () => {
    const tracker = new GcTracker();
    tracker.handleEntries([{ duration: 1, detail: { kind: MINOR } }]);
    tracker.start();
    expect(tracker.totals().count).toBe(0);
    tracker.stop();
  });
});

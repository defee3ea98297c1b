import { setImmediate as tick } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  LeakTracker,
  untrack,
  type LeakHolder,
  type SpanLeakReport,
} from '../../src/span/leakTracker.js';
import { Tracer } from '../../src/tracer/tracer.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collect garbage until `done()` or about a second has passed. */
async function collectUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) {
    gc();
    await tick();
  }
}

function holder(): LeakHolder {
  return { leakGroup: undefined, leakSlot: 0 };
}

function trackedHolder(tracker: LeakTracker, name: string): LeakHolder {
  const h = holder();
  tracker.track(h, name);
  return h;
}

describe('LeakTracker', () => {
  it('reports the spans collected without end(), and only those', async () => {
    const reports: SpanLeakReport[] = [];
    const tracker = new LeakTracker((r) => reports.push(r));
    (() => {
      for (let i = 0; i < 200; i++) {
        const h = holder();
        tracker.track(h, i % 50 === 0 ? `leaked-${i}` : 'ended');
        if (i % 50 !== 0) untrack(h);
      }
      // Fill one more group so the tracker no longer holds any group used above.
      for (let i = 0; i < 64; i++) untrack(trackedHolder(tracker, 'filler'));
    })();
    await collectUntil(() => tracker.leakedCount >= 4);
    expect(tracker.leakedCount).toBe(4);
    expect(reports.flatMap((r) => r.names).sort()).toEqual([
      'leaked-0',
      'leaked-100',
      'leaked-150',
      'leaked-50',
    ]);
    expect(reports.at(-1)!.total).toBe(4);
  });

  it('is what the tracer uses: leaked spans are counted and reported once', async () => {
    const reports: SpanLeakReport[] = [];
    const tracer = new Tracer({
      serviceName: 'leaky',
      maxSpans: 0,
      onSpanLeak: (r) => reports.push(r),
    });
    (() => {
      tracer.startSpan('forgotten');
      for (let i = 0; i < 200; i++) tracer.startSpan('fine').end();
    })();
    await collectUntil(() => tracer.leakedSpanCount > 0);
    expect(tracer.leakedSpanCount).toBe(1);
    expect(reports).toEqual([{ names: ['forgotten'], total: 1 }]);
  });

  it('warns once by default', async () => {
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      const tracer = new Tracer({ serviceName: 'leaky-default', maxSpans: 0 });
      (() => {
        for (let i = 0; i < 3; i++) {
          tracer.startSpan(`forgotten-${i}`);
          for (let j = 0; j < 70; j++) tracer.startSpan('fine').end();
        }
        for (let j = 0; j < 70; j++) tracer.startSpan('fine').end();
      })();
      await collectUntil(() => tracer.leakedSpanCount >= 3);
      expect(tracer.leakedSpanCount).toBe(3);
      const ours = emitWarning.mock.calls.filter(([w]) => String(w).includes('leaky-default'));
      expect(ours).toHaveLength(1);
      expect(String(ours[0]![0])).toMatch(/"forgotten-\d" was garbage-collected without end\(\)/);
    } finally {
      emitWarning.mockRestore();
    }
  });

  it('ignores a reporter that throws', async () => {
    const tracker = new LeakTracker(() => {
      throw new Error('reporter broke');
    });
    (() => {
      tracker.track(holder(), 'lost');
      for (let i = 0; i < 64; i++) untrack(trackedHolder(tracker, 'filler'));
    })();
    await collectUntil(() => tracker.leakedCount > 0);
    expect(tracker.leakedCount).toBe(1);
  });
});

import { setImmediate as immediate } from 'node:timers/promises';
import { NOOP_SPAN } from '@lexigram/monitor-core';
import {
  activeBaggage,
  activeSpan,
  enterSpan,
  runWithBaggage,
  runWithSpan,
} from '../../src/context/contextStorage.js';
import { Baggage } from '../../src/propagation/baggage.js';

describe('context storage', () => {
  it('follows async work started inside a run, and is restored outside', async () => {
    const seen: unknown[] = [];
    await runWithSpan(NOOP_SPAN, async () => {
      seen.push(activeSpan());
      await immediate();
      seen.push(activeSpan());
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          seen.push(activeSpan());
          resolve();
        }),
      );
    });
    expect(seen).toEqual([NOOP_SPAN, NOOP_SPAN, NOOP_SPAN]);
    expect(activeSpan()).toBeUndefined();
  });

  it('keeps concurrent runs apart', async () => {
    const a = new Baggage().set('who', 'a');
    const b = new Baggage().set('who', 'b');
    // `a` reads its baggage after `b` has set and read its own: the runs interleave.
    const read = async (baggage: Baggage, hops: number) =>
      runWithBaggage(baggage, async () => {
        for (let i = 0; i < hops; i++) await immediate();
        return activeBaggage()?.get('who');
      });
    await expect(Promise.all([read(a, 3), read(b, 1)])).resolves.toEqual(['a', 'b']);
  });

  it('keeps the baggage when a span is entered and the span when baggage is set', () => {
    const baggage = new Baggage().set('k', 'v');
    runWithBaggage(baggage, () => {
      runWithSpan(NOOP_SPAN, () => {
        expect(activeBaggage()).toBe(baggage);
        runWithBaggage(undefined, () => expect(activeSpan()).toBe(NOOP_SPAN));
      });
    });
  });

  it('enterSpan sets the span for the rest of the current async context', async () => {
    await runWithSpan(undefined, async () => {
      enterSpan(NOOP_SPAN);
      await immediate();
      expect(activeSpan()).toBe(NOOP_SPAN);
    });
    expect(activeSpan()).toBeUndefined();
  });
});

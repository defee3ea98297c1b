import { setTimeout as sleep } from 'node:timers/promises';
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
      await sleep(5);
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
    const read = async (baggage: Baggage, delayMs: number) =>
      runWithBaggage(baggage, async () => {
        await sleep(delayMs);
        return activeBaggage()?.get('who');
      });
    await expect(Promise.all([read(a, 20), read(b, 1)])).resolves.toEqual(['a', 'b']);
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
      await sleep(1);
      expect(activeSpan()).toBe(NOOP_SPAN);
    });
    expect(activeSpan()).toBeUndefined();
  });
});

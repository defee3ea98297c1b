import { DEFAULT_EVENT_COUNTER_TIERS, TwoTierEventCounter } from '../../src/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('TwoTierEventCounter', () => {
  it('has a fixed number of slots: 1-minute for 6 h, 1-hour for the period', () => {
    const counter = new TwoTierEventCounter(30 * 24 * HOUR);
    expect(DEFAULT_EVENT_COUNTER_TIERS).toEqual({
      fineSlotMs: MINUTE,
      fineSpanMs: 6 * HOUR,
      coarseSlotMs: HOUR,
    });
    expect(counter.slotCount).toBe(360 + 720);
  });

  it('reads short windows from the fine tier and long ones from the coarse tier', () => {
    const counter = new TwoTierEventCounter(72 * HOUR);
    const t0 = 1000 * HOUR; // on an hour boundary
    counter.add(t0, 0, 10); // an old burst of errors
    counter.add(t0 + 10 * MINUTE, 5, 5);
    const now = t0 + 29 * MINUTE + 30_000;
    // 5 minutes: the fine slots from t0+25m on: nothing.
    expect(counter.window(now, 5 * MINUTE)).toMatchObject({ total: 0 });
    // 30 minutes on the fine tier: 30 one-minute slots reach back to t0.
    expect(counter.window(now, 30 * MINUTE)).toMatchObject({ good: 5, total: 15, bad: 10 });
    // 24 hours on the coarse tier: the whole hour slot.
    expect(counter.window(now, 24 * HOUR)).toMatchObject({ good: 5, total: 15 });
    // Three days later the coarse tier has forgotten it too.
    expect(counter.window(now + 73 * HOUR, 72 * HOUR)).toMatchObject({ total: 0 });
  });

  it('takes a custom layout and rejects a bad one naming the field', () => {
    const counter = new TwoTierEventCounter(HOUR, {
      fineSlotMs: 1000,
      fineSpanMs: 60_000,
      coarseSlotMs: 60_000,
    });
    expect(counter.slotCount).toBe(60 + 60);
    expect(() => new TwoTierEventCounter(HOUR, { fineSlotMs: 0 })).toThrow(/fineSlotMs/);
    expect(() => new TwoTierEventCounter(HOUR, { coarseSlotMs: 1000 })).toThrow(
      /coarseSlotMs: must be at least fineSlotMs/,
    );
    expect(() => new TwoTierEventCounter(HOUR, { fineSpanMs: 1000 })).toThrow(/fineSpanMs/);
  });

  it('clear() forgets both tiers', () => {
    const counter = new TwoTierEventCounter(HOUR * 48);
    counter.add(0, 1, 2);
    counter.clear();
    expect(counter.window(0, MINUTE)).toMatchObject({ total: 0 });
    expect(counter.window(0, 48 * HOUR)).toMatchObject({ total: 0 });
  });
});

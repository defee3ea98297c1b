import { SlotRing } from '../../src/index.js';

describe('SlotRing', () => {
  it('sums the current slot and the whole slots before it', () => {
    const ring = new SlotRing(60_000, 10 * 60_000);
    expect(ring.size).toBe(10);
    expect(ring.spanMs).toBe(600_000);
    ring.add(0, 10, 10); // slot 0
    ring.add(60_000, 5, 8); // slot 1
    ring.add(150_000, 1, 4); // slot 2
    expect(ring.sum(150_000, 60_000)).toEqual({ windowMs: 60_000, good: 1, total: 4, bad: 3 });
    expect(ring.sum(150_000, 120_000)).toEqual({ windowMs: 120_000, good: 6, total: 12, bad: 6 });
    expect(ring.sum(150_000, 180_000)).toMatchObject({ good: 16, total: 22, bad: 6 });
    // A window that is not a whole number of slots rounds up.
    expect(ring.sum(150_000, 90_000)).toMatchObject({ total: 12 });
  });

  it('counts exactly, however many events', () => {
    const ring = new SlotRing(1000, 10_000);
    for (let i = 0; i < 100_000; i++) ring.add(500, 1, 1);
    ring.add(500, 0, 3);
    expect(ring.sum(500, 1000)).toMatchObject({ good: 100_000, total: 100_003, bad: 3 });
  });

  it('resets a slot lazily when time comes round to it again', () => {
    const ring = new SlotRing(1000, 3000); // 3 slots
    ring.add(0, 1, 1); // slot 0, position 0
    ring.add(3000, 0, 2); // slot 3, position 0 again
    expect(ring.sum(3000, 3000)).toMatchObject({ good: 0, total: 2 });
    // Slot 0 is gone even for a window that would reach it.
    expect(ring.sum(3000, 10_000)).toMatchObject({ total: 2 });
  });

  it('skips slots nothing was recorded in since they were last used', () => {
    const ring = new SlotRing(1000, 3000);
    ring.add(0, 1, 1);
    expect(ring.sum(5000, 3000)).toMatchObject({ total: 0 });
  });

  it('counts events from a clock that stepped back as current', () => {
    const ring = new SlotRing(1000, 3000);
    ring.add(5000, 1, 1);
    ring.add(1000, 1, 1); // the clock stepped back four slots
    expect(ring.sum(5000, 1000)).toMatchObject({ total: 2 });
  });

  it('clear() forgets every count', () => {
    const ring = new SlotRing(1000, 3000);
    ring.add(0, 1, 1);
    ring.clear();
    expect(ring.sum(0, 3000)).toMatchObject({ total: 0 });
  });

  it('after clear(), counts again in the slot it last wrote', () => {
    const ring = new SlotRing(1000, 3000);
    ring.add(500, 1, 1);
    ring.clear();
    // The same slot as the cached one: it must not be added to a slot clear() emptied.
    ring.add(600, 0, 2);
    expect(ring.sum(600, 1000)).toEqual({ windowMs: 1000, good: 0, total: 2, bad: 2 });
  });

  it('after clear(), an earlier time is no longer held to the latest slot', () => {
    const ring = new SlotRing(1000, 3000);
    ring.add(5000, 1, 1);
    ring.clear();
    ring.add(1000, 1, 1);
    ring.add(2000, 0, 1);
    // Two slots now, 1 and 2: the newest holds only its own event.
    expect(ring.sum(2000, 1000)).toMatchObject({ good: 0, total: 1 });
    expect(ring.sum(2000, 2000)).toMatchObject({ good: 1, total: 2 });
  });

  it('after clear(), slot 0 is not held to slot 1', () => {
    const ring = new SlotRing(1000, 3000);
    ring.add(5000, 1, 1);
    ring.clear();
    ring.add(500, 1, 1); // slot 0
    ring.add(1500, 0, 1); // slot 1
    expect(ring.sum(1500, 1000)).toMatchObject({ good: 0, total: 1 });
  });

  it('keeps slots apart when a slot is shorter than 1 ms', () => {
    const ring = new SlotRing(0.5, 10);
    ring.add(2.2, 1, 1); // slot 4
    ring.add(8.2, 0, 1); // slot 16
    expect(ring.sum(8.2, 0.5)).toMatchObject({ good: 0, total: 1 });
  });

  it('starts a new slot exactly at the end of the one it last wrote', () => {
    const ring = new SlotRing(1000, 3000);
    ring.add(1000, 1, 1);
    ring.add(2000, 0, 1);
    expect(ring.sum(2000, 1000)).toMatchObject({ good: 0, total: 1 });
    expect(ring.sum(1999, 1000)).toMatchObject({ total: 1 });
  });
});

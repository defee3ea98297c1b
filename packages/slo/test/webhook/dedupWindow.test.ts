import { DedupWindow } from '../../src/webhook/dedupWindow.js';

describe('DedupWindow', () => {
  it('flags repeats inside the window only', () => {
    const dedup = new DedupWindow(1000, 10);
    expect(dedup.isDuplicate('a', 0)).toBe(false);
    dedup.remember('a', 0);
    expect(dedup.isDuplicate('a', 999)).toBe(true);
    expect(dedup.isDuplicate('a', 1000)).toBe(false);
    expect(dedup.isDuplicate('b', 10)).toBe(false);
  });

  it('forgets a key on request', () => {
    const dedup = new DedupWindow(1000, 10);
    dedup.remember('a', 0);
    dedup.forget('a');
    expect(dedup.isDuplicate('a', 1)).toBe(false);
  });

  it('stays bounded: evicts the oldest past maxKeys and prunes expired keys', () => {
    const dedup = new DedupWindow(1000, 3);
    ['a', 'b', 'c', 'd'].forEach((k, i) => dedup.remember(k, i));
    expect(dedup.size).toBe(3);
    expect(dedup.isDuplicate('a', 4)).toBe(false);
    expect(dedup.isDuplicate('d', 4)).toBe(true);
    dedup.remember('e', 5000); // everything else expired
    expect(dedup.size).toBe(1);
    for (let i = 0; i < 10_000; i++) dedup.remember(`k${i}`, 6000);
    expect(dedup.size).toBe(3);
  });

  it('prunes a key exactly windowMs old, and keeps one a millisecond younger', () => {
    const dedup = new DedupWindow(1000, 10);
    dedup.remember('old', 0);
    dedup.remember('young', 1);
    dedup.remember('new', 1000);
    // 'old' is exactly one window old: expired, so pruned; 'young' is 999 ms old: kept.
    expect(dedup.size).toBe(2);
    expect(dedup.isDuplicate('young', 1000)).toBe(true);
    expect(dedup.isDuplicate('old', 1000)).toBe(false);
  });

  it('is disabled by a zero window', () => {
    const dedup = new DedupWindow(0, 10);
    dedup.remember('a', 0);
    expect(dedup.isDuplicate('a', 0)).toBe(false);
  });
});

import { BinStore } from '../../src/quantiles/binStore.js';

function counts(store: BinStore, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to; k++) out.push(store.countAt(k));
  return out;
}

describe('BinStore', () => {
  it('counts per index and grows in both directions keeping every count', () => {
    const s = new BinStore(1024);
    s.add(10);
    s.add(10);
    s.add(-40);
    s.add(300);
    expect(s.total).toBe(4);
    expect(s.minIndex).toBe(-40);
    expect(s.maxIndex).toBe(300);
    expect(s.countAt(10)).toBe(2);
    expect(s.countAt(-40)).toBe(1);
    expect(s.countAt(300)).toBe(1);
    expect(s.countAt(5000)).toBe(0);
  });

  it('never spans more than maxBins: the lowest indices fold into the lowest kept bin', () => {
    const s = new BinStore(8);
    for (let k = 0; k < 8; k++) s.add(k);
    expect(s.bins.length).toBeLessThanOrEqual(8);
    s.add(10); // span 0..10 > 8: indices 0..3 fold into 3
    expect(s.bins.length).toBe(8);
    expect(counts(s, 3, 10)).toEqual([4, 1, 1, 1, 1, 0, 0, 1]);
    expect(s.total).toBe(9);
    s.add(-100); // below the collapsed floor: counted in the lowest bin
    expect(s.countAt(3)).toBe(5);
    s.add(20); // slides the window up again
    expect(s.bins.length).toBe(8);
    expect(s.total).toBe(11);
    expect(s.countAt(13)).toBe(10); // 3..10 all fold into 13
    expect(s.countAt(20)).toBe(1);
  });

  it('clear resets counts and the collapse', () => {
    const s = new BinStore(4);
    for (let k = 0; k < 10; k++) s.add(k);
    s.clear();
    expect(s.total).toBe(0);
    s.add(-50);
    s.add(-49);
    expect(counts(s, -50, -49)).toEqual([1, 1]);
  });
});

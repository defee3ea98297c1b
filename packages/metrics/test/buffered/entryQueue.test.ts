import { EntryQueue } from '../../src/buffered/entryQueue.js';

describe('EntryQueue', () => {
  it('is FIFO and evicts the oldest past capacity', () => {
    const q = new EntryQueue<number>(3);
    expect([1, 2, 3].map((n) => q.push(n))).toEqual([0, 0, 0]);
    expect(q.push(4)).toBe(1);
    expect(q.size).toBe(3);
    expect(q.drain()).toEqual([2, 3, 4]);
    expect(q.size).toBe(0);
    expect(q.drain()).toEqual([]);
  });

  it('stays bounded over many evictions', () => {
    const q = new EntryQueue<number>(10);
    let evicted = 0;
    for (let i = 0; i < 100_000; i++) evicted += q.push(i);
    expect(evicted).toBe(99_990);
    expect(q.drain()).toEqual(Array.from({ length: 10 }, (_, i) => 99_990 + i));
  });

  it('prepend puts retries first and evicts the oldest beyond capacity', () => {
    const q = new EntryQueue<string>(3);
    q.push('new1');
    q.push('new2');
    expect(q.prepend(['old1', 'old2'])).toBe(1);
    expect(q.drain()).toEqual(['old2', 'new1', 'new2']);
    expect(q.prepend([])).toBe(0);
  });
});

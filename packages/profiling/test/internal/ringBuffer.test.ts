import { RingBuffer } from '../../src/internal/ringBuffer.js';

describe('RingBuffer', () => {
  it('keeps items oldest first until full', () => {
    const r = new RingBuffer<number>(3);
    expect(r.toArray()).toEqual([]);
    expect(r.last()).toBeUndefined();
    r.push(1);
    r.push(2);
    expect(r.toArray()).toEqual([1, 2]);
    expect(r.last()).toBe(2);
    expect(r.size).toBe(2);
  });

  it('drops the oldest past capacity', () => {
    const r = new RingBuffer<number>(3);
    for (let i = 1; i <= 7; i++) r.push(i);
    expect(r.toArray()).toEqual([5, 6, 7]);
    expect(r.size).toBe(3);
    expect(r.last()).toBe(7);
  });

  it('keeps nothing with capacity 0', () => {
    const r = new RingBuffer<number>(0);
    r.push(1);
    expect(r.size).toBe(0);
    expect(r.toArray()).toEqual([]);
    expect(r.last()).toBeUndefined();
  });

  it('clears', () => {
    const r = new RingBuffer<number>(2);
    r.push(1);
    r.push(2);
    r.push(3);
    r.clear();
    expect(r.toArray()).toEqual([]);
    r.push(4);
    expect(r.toArray()).toEqual([4]);
  });
});

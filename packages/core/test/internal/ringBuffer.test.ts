import { RingBuffer } from '../../src/internal/index.js';

describe('RingBuffer', () => {
  it('keeps the most recent items, oldest first', () => {
    const ring = new RingBuffer<number>(3);
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    ring.push(3);
    ring.push(4);
    ring.push(5);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.size).toBe(3);
    expect(ring.last()).toBe(5);
  });

  it('last() is right at the wrap-around point', () => {
    const ring = new RingBuffer<string>(2);
    ring.push('a');
    ring.push('b');
    expect(ring.last()).toBe('b');
    ring.push('c');
    expect(ring.last()).toBe('c');
  });

  it('a capacity of 0 keeps nothing', () => {
    const ring = new RingBuffer<number>(0);
    ring.push(1);
    expect(ring.size).toBe(0);
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
  });

  it('clear() empties it and it fills again', () => {
    const ring = new RingBuffer<number>(2);
    ring.push(1);
    ring.push(2);
    ring.push(3);
    ring.clear();
    expect(ring.size).toBe(0);
    ring.push(9);
    expect(ring.toArray()).toEqual([9]);
  });
});

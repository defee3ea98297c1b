/**
 * The most recent `capacity` items, the oldest overwritten first, so memory stays bounded however
 * long a component runs. Pushing is one array store and no modulo, so it can sit on a hot path.
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private next = 0;
  private filled = 0;

  /** @param capacity Items kept; 0 keeps none. */
  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  /** Items held. */
  get size(): number {
    return this.filled;
  }

  /** Add `item`, dropping the oldest when full. */
  push(item: T): void {
    if (this.capacity === 0) return;
    this.items[this.next] = item;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
    if (this.filled < this.capacity) this.filled++;
  }

  /** The most recent item, if any. */
  last(): T | undefined {
    if (this.filled === 0) return undefined;
    return this.items[this.next === 0 ? this.capacity - 1 : this.next - 1];
  }

  /** Items oldest first, as a new array. */
  toArray(): T[] {
    const out: T[] = [];
    const start = this.filled < this.capacity ? 0 : this.next;
    for (let i = 0; i < this.filled; i++) out.push(this.items[(start + i) % this.capacity] as T);
    return out;
  }

  /** Drop every item. */
  clear(): void {
    this.items.fill(undefined);
    this.next = 0;
    this.filled = 0;
  }
}

/**
 * A FIFO of at most `capacity` items: pushing past it evicts the oldest. Amortised O(1) for push
 * and drain (the array is compacted lazily instead of shifted).
 */
export class EntryQueue<T> {
  private items: T[] = [];
  private head = 0;
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** Items held. */
  get size(): number {
    return this.items.length - this.head;
  }

  /** Append `item`; returns how many old items were evicted to make room (0 or 1). */
  push(item: T): number {
    this.items.push(item);
    if (this.size <= this.capacity) return 0;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return 1;
  }

  /** Remove and return every item, oldest first. */
  drain(): T[] {
    const out = this.head === 0 ? this.items : this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    return out;
  }

  /**
   * Put `older` back in front of what is held (items to retry go before newer ones); returns how
   * many of the oldest were evicted to stay within capacity.
   */
  prepend(older: readonly T[]): number {
    if (older.length === 0) return 0;
    const merged = [...older, ...this.items.slice(this.head)];
    const evicted = Math.max(0, merged.length - this.capacity);
    this.items = evicted === 0 ? merged : merged.slice(evicted);
    this.head = 0;
    return evicted;
  }
}

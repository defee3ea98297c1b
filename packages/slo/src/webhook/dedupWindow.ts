/**
 * Remembers alert keys for `windowMs` so repeats inside the window are dropped. Bounded: at most
 * `maxKeys` keys, the oldest evicted first; expired keys are pruned as new ones arrive.
 */
export class DedupWindow {
  // Insertion order is time order (a key is deleted before being set again), so the oldest
  // entries are always first.
  private readonly seen = new Map<string, number>();

  constructor(
    readonly windowMs: number,
    readonly maxKeys: number,
  ) {}

  /** True when `key` was remembered less than `windowMs` before `nowMs`. */
  isDuplicate(key: string, nowMs: number): boolean {
    const at = this.seen.get(key);
    return at !== undefined && nowMs - at < this.windowMs;
  }

  /** Remember `key` as sent at `nowMs`. */
  remember(key: string, nowMs: number): void {
    this.seen.delete(key);
    this.seen.set(key, nowMs);
    for (const [oldest, at] of this.seen) {
      if (this.seen.size <= this.maxKeys && nowMs - at < this.windowMs) break;
      this.seen.delete(oldest);
    }
  }

  /** Forget `key` (its delivery failed, so a repeat should be let through). */
  forget(key: string): void {
    this.seen.delete(key);
  }

  /** Keys remembered now. */
  get size(): number {
    return this.seen.size;
  }
}

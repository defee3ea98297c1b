/** Good and total event counts over a window. */
export interface WindowCounts {
  /** Length of the window asked for. */
  readonly windowMs: number;
  readonly good: number;
  readonly total: number;
  /** `total - good`. */
  readonly bad: number;
}

/**
 * Exact good / total counters in a ring of fixed-width time slots. A slot is reset lazily when
 * time comes back round to it, so there is no timer and an idle ring costs nothing. Counts are
 * doubles holding integers, exact up to 2^53 events per slot.
 */
export class SlotRing {
  /** Number of slots. */
  readonly size: number;
  private readonly good: Float64Array;
  private readonly total: Float64Array;
  // Absolute slot number (time / slotMs) each position holds; -1 when empty.
  private readonly ids: Float64Array;
  private latest = -1;
  // The slot last written, cached so that most adds skip the division: [start, end) in ms.
  private currentStart = 0;
  private currentEnd = 0;
  private currentPosition = 0;

  constructor(
    /** Width of a slot in milliseconds. */
    readonly slotMs: number,
    /** Time the ring covers; rounded up to whole slots. */
    spanMs: number,
  ) {
    this.size = Math.max(1, Math.ceil(spanMs / slotMs));
    this.good = new Float64Array(this.size);
    this.total = new Float64Array(this.size);
    this.ids = new Float64Array(this.size).fill(-1);
  }

  /** Time the ring covers. */
  get spanMs(): number {
    return this.size * this.slotMs;
  }

  /** Add `good` good events out of `total` at `nowMs`. */
  add(nowMs: number, good: number, total: number): void {
    if (nowMs >= this.currentStart && nowMs < this.currentEnd) {
      this.good[this.currentPosition]! += good;
      this.total[this.currentPosition]! += total;
      return;
    }
    let slot = Math.floor(nowMs / this.slotMs);
    // A clock stepping back must not reset a newer slot: count the events as current.
    if (slot < this.latest) slot = this.latest;
    else this.latest = slot;
    const position = slot % this.size;
    if (this.ids[position] !== slot) {
      this.ids[position] = slot;
      this.good[position] = 0;
      this.total[position] = 0;
    }
    this.good[position]! += good;
    this.total[position]! += total;
    this.currentStart = slot * this.slotMs;
    this.currentEnd = this.currentStart + this.slotMs;
    this.currentPosition = position;
  }

  /**
   * Counts over the last `windowMs` at `nowMs`: the current (partial) slot and the whole slots
   * before it, `ceil(windowMs / slotMs)` in all, capped at the ring's size.
   */
  sum(nowMs: number, windowMs: number): WindowCounts {
    const current = Math.max(Math.floor(nowMs / this.slotMs), this.latest);
    const slots = Math.min(this.size, Math.max(1, Math.ceil(windowMs / this.slotMs)));
    let good = 0;
    let total = 0;
    for (let k = 0; k < slots; k++) {
      const slot = current - k;
      if (slot < 0) break;
      const position = slot % this.size;
      if (this.ids[position] === slot) {
        good += this.good[position]!;
        total += this.total[position]!;
      }
    }
    return { windowMs, good, total, bad: total - good };
  }

  /** Forget every count. */
  clear(): void {
    this.good.fill(0);
    this.total.fill(0);
    this.ids.fill(-1);
    this.latest = -1;
    this.currentStart = 0;
    this.currentEnd = 0;
  }
}

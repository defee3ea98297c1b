import { FieldChecker } from '@lexigram/monitor-core/internal';
import { SlotRing, type WindowCounts } from './slotRing.js';

/** Slot layout of a {@link TwoTierEventCounter}. */
export interface EventCounterTiers {
  /** Slot width of the fine tier (default 1 min). */
  readonly fineSlotMs: number;
  /** Time the fine tier covers (default 6 h); windows up to this long read it. */
  readonly fineSpanMs: number;
  /** Slot width of the coarse tier (default 1 h), which covers the SLO period. */
  readonly coarseSlotMs: number;
}

/** Default tiers: 1-minute slots for 6 hours, 1-hour slots for the rest. */
export const DEFAULT_EVENT_COUNTER_TIERS: EventCounterTiers = Object.freeze({
  fineSlotMs: 60_000,
  fineSpanMs: 6 * 3_600_000,
  coarseSlotMs: 3_600_000,
});

/**
 * Exact good / total counts in two rings: a fine one (1-minute slots over 6 hours) for the short
 * alert windows, and a coarse one (1-hour slots) for long windows and the whole SLO period. Each
 * event adds to both, so memory is fixed: with the defaults about 26 KB for a 30-day SLO,
 * however many events arrive.
 */
export class TwoTierEventCounter {
  private readonly fine: SlotRing;
  private readonly coarse: SlotRing;

  constructor(longestWindowMs: number, tiers: Partial<EventCounterTiers> = {}) {
    const layout = { ...DEFAULT_EVENT_COUNTER_TIERS, ...tiers };
    const check = new FieldChecker('event counter tiers');
    check.positive('fineSlotMs', layout.fineSlotMs);
    check.positive('fineSpanMs', layout.fineSpanMs);
    check.positive('coarseSlotMs', layout.coarseSlotMs);
    check.positive('longestWindowMs', longestWindowMs);
    if (check.count === 0 && layout.coarseSlotMs < layout.fineSlotMs) {
      check.add('coarseSlotMs', `must be at least fineSlotMs (${layout.fineSlotMs})`);
    }
    if (check.count === 0 && layout.fineSpanMs < layout.fineSlotMs) {
      check.add('fineSpanMs', `must be at least fineSlotMs (${layout.fineSlotMs})`);
    }
    check.throwIfInvalid();
    this.fine = new SlotRing(layout.fineSlotMs, layout.fineSpanMs);
    this.coarse = new SlotRing(layout.coarseSlotMs, Math.max(longestWindowMs, layout.coarseSlotMs));
  }

  /** Add `good` good events out of `total` at `nowMs`. */
  add(nowMs: number, good: number, total: number): void {
    this.fine.add(nowMs, good, total);
    this.coarse.add(nowMs, good, total);
  }

  /** Counts over the last `windowMs`, from the finest tier that covers it. */
  window(nowMs: number, windowMs: number): WindowCounts {
    return windowMs <= this.fine.spanMs
      ? this.fine.sum(nowMs, windowMs)
      : this.coarse.sum(nowMs, windowMs);
  }

  /** Slots held in both tiers (each slot is 24 bytes). */
  get slotCount(): number {
    return this.fine.size + this.coarse.size;
  }

  /** Forget every count. */
  clear(): void {
    this.fine.clear();
    this.coarse.clear();
  }
}

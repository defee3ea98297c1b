/** Slots a column starts with; it grows by half as series are added. */
export const INITIAL_SLOTS = 8;

/** The capacity after growing a column of `capacity` slots so it holds slot `slot`. */
export function grownCapacity(capacity: number, slot: number): number {
  let next = capacity;
  while (next <= slot) next = Math.ceil(next * 1.5);
  return next;
}

/**
 * One number per series slot, in one flat `Float64Array`: a counter or gauge series costs 8
 * bytes here (plus the growth slack), and no object. Read `values` again after a call that may
 * create a series: growing replaces the array.
 */
export class NumberColumn {
  /** The value of each slot. */
  values: Float64Array;

  constructor(capacity = INITIAL_SLOTS) {
    this.values = new Float64Array(capacity);
  }

  /**
   * Make slot `slot` exist, set to 0 (a reused slot is cleared). True when `values` was replaced
   * by a larger array: handles holding the old one must refresh.
   */
  claim(slot: number): boolean {
    let grew = false;
    if (slot >= this.values.length) {
      const next = new Float64Array(grownCapacity(this.values.length, slot));
      next.set(this.values);
      this.values = next;
      grew = true;
    }
    this.values[slot] = 0;
    return grew;
  }

  /** Zero every slot. */
  reset(): void {
    this.values.fill(0);
  }
}

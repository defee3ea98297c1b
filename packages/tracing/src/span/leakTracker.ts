/** What a leak report says. */
export interface SpanLeakReport {
  /** Names of the spans that were garbage-collected without `end()` (as they were started). */
  readonly names: readonly string[];
  /** Leaked spans seen so far by this tracer, these included. */
  readonly total: number;
}

/** A group of spans sharing one weakly-tracked token; `names[slot]` is cleared on `end()`. */
export interface LeakGroup {
  readonly names: (string | undefined)[];
}

/** What a tracked span holds: its group (kept alive by the span) and its slot in it. */
export interface LeakHolder {
  /** @internal */
  leakGroup: LeakGroup | undefined;
  /** @internal */
  leakSlot: number;
}

/** Mark a tracked span as ended, so it is not counted when collected. */
export function untrack(holder: LeakHolder): void {
  const group = holder.leakGroup;
  if (group !== undefined) group.names[holder.leakSlot] = undefined;
}

/** Spans per group. */
const GROUP_SIZE = 64;

/**
 * Counts spans that were garbage-collected without `end()`.
 *
 * Registering every span with a `FinalizationRegistry` costs more than the rest of a span's
 * start and end together, so spans are tracked in groups: the spans of a group share one token
 * object, the only thing registered. A span writes its name into its group's slot when it starts
 * and clears the slot when it ends. When every span of a group is unreachable the token is
 * collected, and the names still in the group are exactly the spans that never ended. Counting
 * is exact; it is reported once the whole group has been collected.
 */
export class LeakTracker {
  private readonly registry: FinalizationRegistry<(string | undefined)[]>;
  private group: LeakGroup | undefined;
  private next = GROUP_SIZE;
  private leaked = 0;

  constructor(private readonly report: (report: SpanLeakReport) => void) {
    this.registry = new FinalizationRegistry((names) => this.collect(names));
  }

  /** Spans counted as leaked so far. */
  get leakedCount(): number {
    return this.leaked;
  }

  /** Track a starting span named `name`: gives `holder` its group and slot. */
  track(holder: LeakHolder, name: string): void {
    if (this.next === GROUP_SIZE) {
      const names = new Array<string | undefined>(GROUP_SIZE);
      const group: LeakGroup = { names };
      // The held value is the names array, which does not reference the token, so the token
      // can be collected while the registry keeps the names.
      this.registry.register(group, names);
      this.group = group;
      this.next = 0;
    }
    const slot = this.next++;
    const group = this.group!;
    group.names[slot] = name;
    holder.leakGroup = group;
    holder.leakSlot = slot;
  }

  private collect(names: (string | undefined)[]): void {
    const leakedNames: string[] = [];
    for (const name of names) if (name !== undefined) leakedNames.push(name);
    if (leakedNames.length === 0) return;
    this.leaked += leakedNames.length;
    try {
      this.report({ names: leakedNames, total: this.leaked });
    } catch {
      // A throwing reporter must not surface from a finalization callback.
    }
  }
}

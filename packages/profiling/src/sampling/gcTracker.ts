import { PerformanceObserver, constants } from 'node:perf_hooks';
import { GcKind, type GcCountsByKind } from '../model/gcKind.js';

/** The fields of a `gc` PerformanceEntry the tracker reads. */
export interface GcEntryLike {
  /** Pause length in ms. */
  readonly duration: number;
  /** `{ kind }` since Node 16. */
  readonly detail?: unknown;
  /** Where older Node versions put the kind. */
  readonly kind?: number;
}

/** Called for every GC pause as it is reported. */
export type GcPauseListener = (kind: GcKind, durationMs: number) => void;

/** GC figures of one window. */
export interface GcWindow {
  readonly count: number;
  readonly pauseMs: number;
}

/** GC figures since the tracker was (re)started. */
export interface GcTotals {
  readonly count: number;
  readonly countByKind: GcCountsByKind;
  readonly totalPauseMs: number;
  readonly maxPauseMs: number;
}

function kindOf(entry: GcEntryLike): GcKind {
  const detail = entry.detail as { kind?: unknown } | null | undefined;
  const raw = typeof detail?.kind === 'number' ? detail.kind : entry.kind;
  switch (raw) {
    case constants.NODE_PERFORMANCE_GC_MAJOR:
      return GcKind.Major;
    case constants.NODE_PERFORMANCE_GC_INCREMENTAL:
      return GcKind.Incremental;
    case constants.NODE_PERFORMANCE_GC_WEAKCB:
      return GcKind.WeakCallbacks;
    default:
      return GcKind.Minor;
  }
}

/**
 * Counts garbage collections and their pauses from `gc` performance entries. Node delivers the
 * entries in batches (dozens at once under allocation pressure), and every entry of a batch is
 * counted, not just the first.
 */
export class GcTracker {
  private observer: PerformanceObserver | undefined;
  private byKind: Record<GcKind, number> = emptyCounts();
  private count = 0;
  private totalPauseMs = 0;
  private maxPauseMs = 0;
  private windowCount = 0;
  private windowPauseMs = 0;

  /** @param onPause Called for every pause; an exception it throws is swallowed. */
  constructor(private readonly onPause?: GcPauseListener) {}

  /** True while observing. */
  get active(): boolean {
    return this.observer !== undefined;
  }

  /** Reset the figures and start observing (no-op when already observing). */
  start(): void {
    if (this.observer) return;
    this.reset();
    const observer = new PerformanceObserver((list) => this.handleEntries(list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
    this.observer = observer;
  }

  /** Stop observing; the figures stay readable. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Count a batch of `gc` entries (the observer's callback). */
  handleEntries(entries: readonly GcEntryLike[]): void {
    for (const entry of entries) {
      const kind = kindOf(entry);
      const pause = entry.duration;
      this.byKind[kind] += 1;
      this.count += 1;
      this.totalPauseMs += pause;
      if (pause > this.maxPauseMs) this.maxPauseMs = pause;
      this.windowCount += 1;
      this.windowPauseMs += pause;
      if (this.onPause) {
        try {
          this.onPause(kind, pause);
        } catch {
          // A listener's bug must not surface as an uncaught exception in the observer callback.
        }
      }
    }
  }

  /** GC figures since the previous call (or the start), and start a new window. */
  takeWindow(): GcWindow {
    const window = { count: this.windowCount, pauseMs: this.windowPauseMs };
    this.windowCount = 0;
    this.windowPauseMs = 0;
    return window;
  }

  /** Figures since the start. */
  totals(): GcTotals {
    return {
      count: this.count,
      countByKind: { ...this.byKind },
      totalPauseMs: this.totalPauseMs,
      maxPauseMs: this.maxPauseMs,
    };
  }

  private reset(): void {
    this.byKind = emptyCounts();
    this.count = 0;
    this.totalPauseMs = 0;
    this.maxPauseMs = 0;
    this.windowCount = 0;
    this.windowPauseMs = 0;
  }
}

/** Zero collections of each kind. */
export function emptyCounts(): Record<GcKind, number> {
  return { minor: 0, major: 0, incremental: 0, weakcb: 0 };
}

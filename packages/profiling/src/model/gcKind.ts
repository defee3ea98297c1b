/**
 * Kinds of garbage collection V8 reports (`PerformanceEntry.detail.kind`): `minor` is a
 * scavenge of the young generation, `major` a mark-sweep-compact of the whole heap, `incremental`
 * a step of incremental marking, `weakcb` the processing of weak callbacks.
 */
export const GcKind = {
  Minor: 'minor',
  Major: 'major',
  Incremental: 'incremental',
  WeakCallbacks: 'weakcb',
} as const;

/** One of `'minor' | 'major' | 'incremental' | 'weakcb'`. */
export type GcKind = (typeof GcKind)[keyof typeof GcKind];

/** Collections counted per kind. */
export type GcCountsByKind = Readonly<Record<GcKind, number>>;

import type { HrTime } from '@lexigram/monitor-core';

/**
 * Spans keep times as `performance.now()` readings (ms since the process time origin): one call
 * per start or end, monotonic, and sub-microsecond. They become epoch {@link HrTime} only when a
 * span is read for export.
 */
// The origin split without rounding: whole seconds and the exact rest in ms. Rounding the origin
// and the relative reading to nanoseconds separately could be off by 1 ns for an exact epoch time.
const ORIGIN_SECONDS = Math.trunc(performance.timeOrigin / 1000);
const ORIGIN_REST_MS = performance.timeOrigin - ORIGIN_SECONDS * 1000;
const NANOS_PER_SECOND = 1_000_000_000;

/** Milliseconds since the time origin. */
export const now: () => number = () => performance.now();

/** An origin-relative reading as epoch {@link HrTime}. */
export function relativeToHrTime(relativeMs: number): HrTime {
  const seconds = Math.floor(relativeMs / 1000);
  let nanos = Math.round((ORIGIN_REST_MS + (relativeMs - seconds * 1000)) * 1_000_000);
  let total = ORIGIN_SECONDS + seconds;
  if (nanos >= NANOS_PER_SECOND) {
    nanos -= NANOS_PER_SECOND;
    total += 1;
  } else if (nanos < 0) {
    nanos += NANOS_PER_SECOND;
    total -= 1;
  }
  return [total, nanos];
}

/** An epoch {@link HrTime} or epoch ms as an origin-relative reading. */
export function toRelative(time: HrTime | number): number {
  if (typeof time === 'number') return time - performance.timeOrigin;
  return (time[0] - ORIGIN_SECONDS) * 1000 + time[1] / 1_000_000 - ORIGIN_REST_MS;
}

/** True when `time` is a finite epoch-ms number or a well-formed {@link HrTime}. */
export function isTimeInput(time: unknown): time is HrTime | number {
  if (typeof time === 'number') return Number.isFinite(time);
  return (
    Array.isArray(time) &&
    time.length === 2 &&
    Number.isFinite(time[0]) &&
    Number.isInteger(time[1]) &&
    (time[1] as number) >= 0 &&
    (time[1] as number) < NANOS_PER_SECOND
  );
}

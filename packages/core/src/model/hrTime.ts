/**
 * A high-resolution time: `[seconds, nanoseconds]` since the Unix epoch (or a duration), the same
 * shape OpenTelemetry uses, so exporters hand it over without conversion.
 */
export type HrTime = readonly [seconds: number, nanoseconds: number];

const NANOS_PER_SECOND = 1_000_000_000;

// performance.timeOrigin + performance.now() gives sub-millisecond wall time that never goes
// backwards within the process, unlike Date.now(). The two are added as [s, ns] rather than as
// one float of epoch ms, which cannot hold nanoseconds.
const ORIGIN: HrTime = millisToHrTime(performance.timeOrigin);

/** Current wall-clock time with sub-millisecond precision. */
export function hrTimeNow(): HrTime {
  const elapsed = performance.now();
  const seconds = Math.trunc(elapsed / 1000);
  let nanos = ORIGIN[1] + Math.round((elapsed - seconds * 1000) * 1_000_000);
  let total = ORIGIN[0] + seconds;
  if (nanos >= NANOS_PER_SECOND) {
    nanos -= NANOS_PER_SECOND;
    total += 1;
  }
  return [total, nanos];
}

/** Convert epoch milliseconds (fractions allowed) to an {@link HrTime}. */
export function millisToHrTime(epochMs: number): HrTime {
  const seconds = Math.trunc(epochMs / 1000);
  const nanos = Math.round((epochMs - seconds * 1000) * 1_000_000);
  return nanos >= NANOS_PER_SECOND ? [seconds + 1, nanos - NANOS_PER_SECOND] : [seconds, nanos];
}

/** Convert an {@link HrTime} to epoch milliseconds (with fractions). */
export function hrTimeToMillis(time: HrTime): number {
  return time[0] * 1000 + time[1] / 1_000_000;
}

/** Convert an {@link HrTime} to integer nanoseconds, exactly. */
export function hrTimeToNanos(time: HrTime): bigint {
  return BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);
}

/** `end - start` as an {@link HrTime} duration. */
export function hrTimeDuration(start: HrTime, end: HrTime): HrTime {
  let seconds = end[0] - start[0];
  let nanos = end[1] - start[1];
  if (nanos < 0) {
    seconds -= 1;
    nanos += NANOS_PER_SECOND;
  }
  return [seconds, nanos];
}

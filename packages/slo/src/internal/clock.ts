/**
 * Wall-clock time in milliseconds since the Unix epoch. Every time-dependent part of this package
 * takes one, so tests and simulations can move time without waiting.
 *
 * @example
 * ```ts
 * let now = 0;
 * const monitor = new SLOMonitor({ clock: () => now });
 * now += 60_000; // one minute later
 * ```
 */
export type Clock = () => number;

/** The real clock (`Date.now`). */
export const systemClock: Clock = () => Date.now();

/** The clocks of a component: wall time labels results, monotonic time drives windows. */
export interface TimeSource {
  /** Wall-clock time, for timestamps in results (`detectedAt`). */
  readonly wall: Clock;
  /** Monotonic milliseconds, for rolling windows: never steps, so windows never freeze. */
  readonly monotonic: Clock;
}

/** The options a component takes its clocks from. */
export interface ClockOptions {
  /** Time source for timestamps (and, without `monotonicClock`, for windows); default `Date.now`. */
  clock?: Clock;
  /**
   * Monotonic time source for rolling windows; default `performance.now()`, or `clock` made
   * monotonic when only `clock` is given (a step back then stands still until time catches up).
   */
  monotonicClock?: Clock;
}

/**
 * The clocks of a component. Without `monotonicClock`, windows run on `performance.now()`
 * (unaffected by NTP steps, suspend corrections or a wrong RTC), unless a `clock` was given
 * (tests and simulations moving time by hand): then on that clock with every backward step
 * flattened, so a step forward and back cannot file later samples in the future.
 */
export function timeSource(options: ClockOptions): TimeSource {
  const wall = options.clock ?? systemClock;
  if (options.monotonicClock) return { wall, monotonic: options.monotonicClock };
  if (options.clock) return { wall, monotonic: monotonize(options.clock) };
  return { wall, monotonic: () => performance.now() };
}

/** `clock` with its backward steps removed: it only ever moves forward by what `clock` moves. */
export function monotonize(clock: Clock): Clock {
  let lastWall: number | undefined;
  let now = 0;
  return () => {
    const wall = clock();
    if (lastWall === undefined) now = wall;
    else if (wall > lastWall) now += wall - lastWall;
    lastWall = wall;
    return now;
  };
}

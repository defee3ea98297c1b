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

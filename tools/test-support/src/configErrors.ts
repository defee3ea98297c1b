import { MonitorConfigError } from '@lexigram/monitor-core';

/**
 * Call `fn`, which must throw a {@link MonitorConfigError}, and return that error so a test can
 * check its fields; anything else (no throw, another error) fails the test with a clear message.
 */
export function thrownConfigError(fn: () => unknown): MonitorConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MonitorConfigError) return error;
    throw new Error(`expected a MonitorConfigError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a MonitorConfigError, but nothing was thrown');
}

/** The `path` of every field a {@link MonitorConfigError} thrown by `fn` lists. */
export function configErrorPaths(fn: () => unknown): string[] {
  return thrownConfigError(fn).fields.map((f) => f.path);
}

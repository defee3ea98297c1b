import { createLogger } from '@lexigram/monitor-core';

/**
 * Where this package reports what it cannot throw: a cardinality cap reached, a gauge callback
 * that failed, an export or flush that failed. A pino logger (core's `createLogger`) fits.
 */
export interface MetricsLogger {
  /** Log a warning with structured details. */
  warn(details: Record<string, unknown>, message: string): void;
}

let fallback: MetricsLogger | undefined;

/**
 * The logger used when none is given: built on first use (so importing the package opens
 * nothing) from core's default logging config.
 */
export function defaultMetricsLogger(): MetricsLogger {
  fallback ??= createLogger({ bindings: { component: '@lexigram/monitor-metrics' } });
  return fallback;
}

/** Log through `logger`, never throwing: a broken logger must not break the caller. */
export function safeWarn(
  logger: MetricsLogger | undefined,
  details: Record<string, unknown>,
  message: string,
): void {
  try {
    (logger ?? defaultMetricsLogger()).warn(details, message);
  } catch {
    // Nothing sensible left to report to.
  }
}

import { createLogger, type MonitorFaultHandler } from '@lexigram/monitor-core';
import {
  faultReporter,
  loggerFaultSink,
  type ComponentFaultReporter,
} from '@lexigram/monitor-core/internal';

/**
 * A structured logger (a pino logger fits) that received this package's faults before the
 * `onError` option existed.
 *
 * @deprecated Pass `onError` (a `MonitorFaultHandler`), or set one handler for every package
 * with `setMonitorDiagnostics`. Kept for one minor version.
 */
export interface MetricsLogger {
  /** Log a warning with structured details. */
  warn(details: Record<string, unknown>, message: string): void;
}

/** The fault options every component of this package accepts. */
export interface FaultOptions {
  /**
   * Receives what this component cannot throw: a cardinality cap reached, a gauge callback that
   * failed, an export or flush that failed. Default: the process-wide fault channel
   * (`setMonitorDiagnostics`).
   */
  onError?: MonitorFaultHandler;
  /**
   * @deprecated Use `onError`. Faults are written to it as warnings, as before, when `onError`
   * is not given.
   */
  logger?: MetricsLogger;
}

/** Where a component's faults go: `onError`, else the deprecated `logger`, else the channel. */
export function faultSink(options: FaultOptions | undefined): MonitorFaultHandler | undefined {
  if (options?.onError) return options.onError;
  const logger = options?.logger;
  return logger ? loggerFaultSink(() => logger) : undefined;
}

/** Report a fault of this package's `component` through `sink`. Never throws. */
export const metricsFault: ComponentFaultReporter = faultReporter('metrics');

let fallback: MetricsLogger | undefined;

/**
 * A logger from core's default logging config, built on first use.
 *
 * @deprecated Faults now go to `onError` or the process-wide channel (`setMonitorDiagnostics`);
 * nothing in this package uses this logger any more. Kept for one minor version.
 */
export function defaultMetricsLogger(): MetricsLogger {
  fallback ??= createLogger({ bindings: { component: '@lexigram/monitor-metrics' } });
  return fallback;
}

import {
  createLogger,
  type CreateLoggerOptions,
  type MonitorFaultHandler,
} from '@lexigram/monitor-core';
import {
  faultReporter,
  loggerFaultSink,
  type ComponentFaultReporter,
} from '@lexigram/monitor-core/internal';

/** A pino logger, as core's `createLogger` returns and accepts. */
export type SloLogger = ReturnType<typeof createLogger>;

/** Logger and fault options every component of this package accepts. */
export interface LoggerOptions {
  /**
   * Your pino logger for alert records (a child bound to this component is used). Until
   * `onError` is given, background faults are written to it too, as before.
   */
  logger?: SloLogger;
  /** Settings for a logger built with core's `createLogger` when `logger` is not given. */
  logging?: CreateLoggerOptions['config'];
  /**
   * Receives background faults (a dispatcher that failed, an alert dropped, a scheduled
   * evaluation that threw). Default: the process-wide fault channel (`setMonitorDiagnostics`).
   */
  onError?: MonitorFaultHandler;
}

/**
 * The logger a component writes alert records to: a child of the user's, or a new one from
 * core, built on first use so a component that never logs never opens stdout.
 */
export function componentLogger(options: LoggerOptions, component: string): () => SloLogger {
  let log: SloLogger | undefined;
  return () =>
    (log ??= createLogger({
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.logging ? { config: options.logging } : {}),
      bindings: { component },
    }));
}

/** Dropped alerts are warnings; every other fault of this package is an error. */
const WARN_CODES: ReadonlySet<string> = new Set(['ALERT_DROPPED']);

/**
 * Where a component's faults go: its `onError`, else (for one minor version, while `logger`
 * still doubles as a fault sink) the user's `logger`, else the process-wide channel.
 */
export function faultSink(
  options: LoggerOptions,
  log: () => SloLogger,
): MonitorFaultHandler | undefined {
  if (options.onError) return options.onError;
  if (!options.logger) return undefined;
  return loggerFaultSink(log, (fault) => (WARN_CODES.has(fault.code) ? 'warn' : 'error'));
}

/** Report a fault of `component` through `sink` (see {@link faultSink}). */
export const sloFault: ComponentFaultReporter = faultReporter('slo');

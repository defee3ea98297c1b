import { reportFault } from '../diagnostics/diagnostics.js';
import type { MonitorFault, MonitorFaultHandler } from '../diagnostics/monitorFault.js';

/** Reports a fault of one component of a package; see {@link faultReporter}. */
export type ComponentFaultReporter = (
  sink: MonitorFaultHandler | undefined,
  component: string,
  code: string,
  message: string,
  details?: Readonly<Record<string, unknown>>,
  error?: unknown,
) => void;

/**
 * A `reportFault` bound to a package: faults are named `<pkg>.<component>` and go to `sink`
 * (the component's `onError`), else the process-wide channel. Never throws.
 *
 * @example
 * ```ts
 * const metricsFault = faultReporter('metrics');
 * metricsFault(this.onError, 'periodicMetricsExporter', 'EXPORT_FAILED', 'Export failed.', undefined, error);
 * ```
 */
export function faultReporter(pkg: string): ComponentFaultReporter {
  return (sink, component, code, message, details, error) =>
    reportFault(
      {
        code,
        component: `${pkg}.${component}`,
        message,
        ...(details ? { details } : {}),
        ...(error === undefined ? {} : { error }),
      },
      sink,
    );
}

/**
 * A fault handler writing to a structured logger (pino-style `(fields, message)`), for the
 * deprecated `logger` options that received faults before `onError` existed. `levelOf` picks the
 * level per fault; the default is `warn`.
 */
export function loggerFaultSink(
  log: () => Partial<
    Record<'warn' | 'error', (fields: Record<string, unknown>, message: string) => void>
  >,
  levelOf: (fault: MonitorFault) => 'warn' | 'error' = () => 'warn',
): MonitorFaultHandler {
  return (fault) => {
    const fields = { ...fault.details, ...(fault.error === undefined ? {} : { err: fault.error }) };
    log()[levelOf(fault)]?.(fields, fault.message);
  };
}

import type { MonitorFaultHandler } from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';

/**
 * Receives errors from a background export.
 *
 * @deprecated The processors' `onError` is a `MonitorFaultHandler` now (the error is
 * `fault.error`), like every other component's. Kept for `TracerOptions.onExportError` for one
 * minor version.
 */
export type ExportErrorHandler = (error: unknown) => void;

/**
 * Report an export fault of `component`: to `onError` when given, else to the process-wide
 * fault channel (rate-limited logging and one process warning per code). Never throws.
 */
export function reportExportFault(
  component: string,
  onError: MonitorFaultHandler | undefined,
  error: unknown,
  code = 'SPAN_EXPORT_FAILED',
): void {
  const raw = error instanceof Error ? error.message : String(error);
  reportFault(
    {
      code,
      component: `tracing.${component}`,
      message: raw.endsWith('.') ? raw : `${raw}.`,
      error,
    },
    onError,
  );
}

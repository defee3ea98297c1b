/**
 * A failure in the background of the monitor: an exporter that could not send, a collect callback
 * that threw, an alert dispatcher that failed, a logger that threw. Faults are reported, counted
 * and dropped; they never reach the application as an exception (see `docs/architecture.md`,
 * "What throws and what is dropped").
 */
export interface MonitorFault {
  /** Stable machine-readable code, e.g. `EXPORT_FAILED`; one rate limit and one warning per code. */
  readonly code: string;
  /** The component that met the fault, e.g. `tracing.batchSpanProcessor`. */
  readonly component: string;
  /** What happened and, where it helps, what to do about it. */
  readonly message: string;
  /** The underlying error, when there is one. */
  readonly error?: unknown;
  /** Extra facts (counts, endpoints), never secrets. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Receives background faults. The one option name for it across every package is `onError`;
 * the process-wide default is set with `setMonitorDiagnostics`. A handler that throws is
 * contained: its own error is reported through the default channel instead.
 */
export type MonitorFaultHandler = (fault: MonitorFault) => void;

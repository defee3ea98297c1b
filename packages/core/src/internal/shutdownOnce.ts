import { reportFault } from '../diagnostics/diagnostics.js';
import type { MonitorFaultHandler } from '../diagnostics/monitorFault.js';
import { withTimeout } from './promises.js';
import type { Scheduler } from './scheduler.js';

/** Default deadline of every `shutdown()`: long enough for one export, short enough for k8s. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 30_000;

/** Options of {@link ShutdownOnce.run}. */
export interface ShutdownRunOptions {
  /** Deadline in ms; after it `shutdown()` resolves anyway and a fault is reported. */
  readonly timeoutMs?: number;
  /** Named in the faults, e.g. `tracing.batchSpanProcessor`. */
  readonly component: string;
  /** The component's fault sink (else the process-wide one). */
  readonly onError?: MonitorFaultHandler;
  /** Timer source (tests pass a fake). */
  readonly scheduler?: Scheduler;
}

/**
 * The lifecycle every component shares: `shutdown()` runs its work once (a second call returns
 * the first call's promise), resolves by a deadline even when a collaborator never settles, and
 * reports a failure or a timeout through the fault channel (`SHUTDOWN_FAILED`,
 * `SHUTDOWN_TIMEOUT`) instead of rejecting, so an application's exit path never hangs or throws.
 *
 * @example
 * ```ts
 * private readonly closing = new ShutdownOnce();
 * shutdown(): Promise<void> {
 *   return this.closing.run(() => this.flushAndClose(), { component: 'metrics.exporter', timeoutMs: this.shutdownTimeoutMs });
 * }
 * ```
 */
export class ShutdownOnce {
  private promise: Promise<void> | undefined;

  /** True once `run` was called. */
  get requested(): boolean {
    return this.promise !== undefined;
  }

  /** Run `work` the first time; return the same promise afterwards. Never rejects. */
  run(work: () => unknown, options: ShutdownRunOptions): Promise<void> {
    this.promise ??= runWithDeadline(work, options);
    return this.promise;
  }
}

/**
 * Run `work` and resolve when it settles or at the deadline, whichever comes first; a failure or
 * a timeout is reported (`SHUTDOWN_FAILED`, `SHUTDOWN_TIMEOUT`), never thrown. For a component
 * that can be started again after it stopped (so its stop is not once-only).
 */
export async function runWithDeadline(
  work: () => unknown,
  options: ShutdownRunOptions,
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  // An async wrapper turns a synchronous throw into a rejection and still runs `work` now.
  const pending = (async () => work())();
  const outcome = await withTimeout(
    pending,
    timeoutMs,
    options.scheduler ? { scheduler: options.scheduler } : {},
  );
  if (outcome.status === 'rejected') {
    reportFault(
      {
        code: 'SHUTDOWN_FAILED',
        component: options.component,
        message: 'Shutdown failed; resources were released as far as possible.',
        error: outcome.reason,
      },
      options.onError,
    );
  } else if (outcome.status === 'timedOut') {
    reportFault(
      {
        code: 'SHUTDOWN_TIMEOUT',
        component: options.component,
        message: `Shutdown did not finish within ${timeoutMs} ms; it was abandoned so the process can exit. Raise shutdownTimeoutMs if the work needs longer.`,
        details: { timeoutMs },
      },
      options.onError,
    );
  }
}

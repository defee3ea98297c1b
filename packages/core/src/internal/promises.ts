import { reportFault } from '../diagnostics/diagnostics.js';
import type { MonitorFaultHandler } from '../diagnostics/monitorFault.js';
import { systemScheduler, type Scheduler } from './scheduler.js';

/**
 * True for anything with a callable `then` (promises, and thenables from other libraries),
 * objects and functions alike: the one thenable test of every package.
 */
export function isPromiseLike<T = unknown>(value: unknown): value is PromiseLike<T> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** How a call of {@link callAndSettle} ended. */
export type Settlement =
  | { readonly ok: true; readonly value: unknown; readonly async: boolean }
  | { readonly ok: false; readonly error: unknown; readonly async: boolean };

/** Where a throw from an `onSettle` callback is reported. */
export interface SettleFaultOptions {
  /** Component named in the fault, e.g. `metrics.metered`. */
  readonly component?: string;
  /** The component's fault sink (else the process-wide one). */
  readonly onError?: MonitorFaultHandler;
}

/**
 * Call `fn` and call `onSettle` when it has settled: right after a sync return or throw, or when
 * a returned thenable settles (the caller then gets a native promise of the same outcome). The
 * caller always gets `fn`'s own result or error: a throw from `onSettle` is reported as a
 * `CALLBACK_THREW` fault and never replaces it.
 *
 * @example
 * ```ts
 * const start = performance.now();
 * return callAndSettle(() => fn.apply(this, args), () => observe(performance.now() - start));
 * ```
 */
export function callAndSettle<R>(
  fn: () => R,
  onSettle: (settlement: Settlement) => void,
  faults: SettleFaultOptions = {},
): R {
  let result: R;
  try {
    result = fn();
  } catch (error) {
    notify(onSettle, { ok: false, error, async: false }, faults);
    throw error;
  }
  if (isPromiseLike(result)) {
    return Promise.resolve(result).then(
      (value) => {
        notify(onSettle, { ok: true, value, async: true }, faults);
        return value;
      },
      (error: unknown) => {
        notify(onSettle, { ok: false, error, async: true }, faults);
        throw error;
      },
    ) as R;
  }
  notify(onSettle, { ok: true, value: result, async: false }, faults);
  return result;
}

function notify(
  onSettle: (settlement: Settlement) => void,
  settlement: Settlement,
  faults: SettleFaultOptions,
): void {
  try {
    onSettle(settlement);
  } catch (error) {
    reportFault(
      {
        code: 'CALLBACK_THREW',
        component: faults.component ?? 'monitor',
        message:
          'A monitoring callback threw after the wrapped call settled; the call itself is unaffected.',
        error,
      },
      faults.onError,
    );
  }
}

/** How a promise given to {@link withTimeout} ended. */
export type TimedOutcome<T> =
  | { readonly status: 'fulfilled'; readonly value: T }
  | { readonly status: 'rejected'; readonly reason: unknown }
  | { readonly status: 'timedOut' };

/** Options of {@link withTimeout}. */
export interface WithTimeoutOptions {
  /** Timer source (tests pass a fake). Default {@link systemScheduler} (unref'd timers). */
  readonly scheduler?: Scheduler;
  /**
   * Keep the process alive until the promise settles or the time runs out (a ref'd timer), for
   * a caller that must get its answer. Ignored when `scheduler` is given. Default false.
   */
  readonly keepAlive?: boolean;
}

const keepAliveScheduler: Scheduler = {
  ...systemScheduler,
  setTimeout: (fn, delayMs) => globalThis.setTimeout(fn, delayMs),
};

/**
 * Wait for `promise`, at most `timeoutMs`. Never rejects: it resolves to the outcome, or to
 * `{ status: 'timedOut' }` when the time ran out first. Its handlers stay attached after a
 * timeout, so a late rejection is still handled (never an unhandled rejection). The timer is
 * cleared as soon as the promise settles.
 *
 * @example
 * ```ts
 * const outcome = await withTimeout(exporter.export(batch), 30_000);
 * if (outcome.status === 'timedOut') reportFault({ code: 'EXPORT_TIMEOUT', ... });
 * ```
 */
export function withTimeout<T>(
  promise: PromiseLike<T>,
  timeoutMs: number,
  options: WithTimeoutOptions = {},
): Promise<TimedOutcome<T>> {
  const scheduler = options.scheduler ?? (options.keepAlive ? keepAliveScheduler : systemScheduler);
  return new Promise<TimedOutcome<T>>((resolve) => {
    let settled = false;
    const handle = scheduler.setTimeout(() => {
      if (settled) return;
      settled = true;
      resolve({ status: 'timedOut' });
    }, timeoutMs);
    const finish = (outcome: TimedOutcome<T>): void => {
      if (settled) return;
      settled = true;
      scheduler.clearTimeout(handle);
      resolve(outcome);
    };
    try {
      promise.then(
        (value) => finish({ status: 'fulfilled', value }),
        (reason: unknown) => finish({ status: 'rejected', reason }),
      );
    } catch (reason) {
      // A thenable whose `then` throws.
      finish({ status: 'rejected', reason });
    }
  });
}

import type { MutableEntry } from './bufferedMetricEntry.js';

/** An entry whose delivery returned a thenable (an async backend). */
export interface AsyncDelivery {
  readonly entry: MutableEntry;
  readonly result: PromiseLike<unknown>;
}

/** What became of a batch of async deliveries, reported once every one has settled or timed out. */
export interface SettledBatch {
  readonly delivered: number;
  readonly failed: readonly MutableEntry[];
  readonly firstError: unknown;
}

/** Whether `value` is a thenable; reading `then` may throw (a hostile proxy), which counts as not. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  try {
    return typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

/**
 * Wait for async deliveries: a fulfilment is a delivery, a rejection (or a `then` that throws) a
 * failure, and one still open after `timeoutMs` a failure too, so a backend that never settles
 * neither counts as delivered nor pins the entries. `done` runs once, never throws into a timer.
 */
export function settleDeliveries(
  deliveries: readonly AsyncDelivery[],
  timeoutMs: number,
  done: (batch: SettledBatch) => void,
): void {
  let open = deliveries.length;
  let delivered = 0;
  let firstError: unknown;
  const failed: MutableEntry[] = [];
  const settled = new Array<boolean>(deliveries.length).fill(false);
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    done({ delivered, failed, firstError });
  };
  const settle = (index: number, ok: boolean, error?: unknown): void => {
    if (settled[index] || finished) return;
    settled[index] = true;
    open--;
    if (ok) delivered++;
    else {
      firstError ??= error;
      failed.push(deliveries[index]!.entry);
    }
    if (open === 0) finish();
  };
  const timer = setTimeout(() => {
    deliveries.forEach((_, index) =>
      settle(index, false, new Error(`delivery did not settle within ${timeoutMs} ms`)),
    );
  }, timeoutMs);
  timer.unref();
  deliveries.forEach(({ result }, index) => {
    try {
      result.then(
        () => settle(index, true),
        (error: unknown) => settle(index, false, error),
      );
    } catch (error) {
      settle(index, false, error);
    }
  });
}

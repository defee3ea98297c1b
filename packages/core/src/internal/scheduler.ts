/** Milliseconds from some origin; tests replace it to move time without waiting. */
export type Clock = () => number;

/** An opaque timer handle of a {@link Scheduler}. */
export type TimerHandle = object | number;

/**
 * Where the packages' timers come from. The default, {@link systemScheduler}, uses Node's timers
 * and unrefs them; tests pass their own (or use jest fake timers, which the default follows
 * because it reads the global timer functions at each call).
 */
export interface Scheduler {
  /** Current time in ms (for measuring, not for timers). */
  now(): number;
  /** Run `fn` once after `delayMs`; the timer never keeps the process alive. */
  setTimeout(fn: () => void, delayMs: number): TimerHandle;
  /** Cancel a timer of {@link Scheduler.setTimeout}. */
  clearTimeout(handle: TimerHandle): void;
  /** Run `fn` every `intervalMs`; the timer never keeps the process alive. */
  setInterval(fn: () => void, intervalMs: number): TimerHandle;
  /** Cancel a timer of {@link Scheduler.setInterval}. */
  clearInterval(handle: TimerHandle): void;
}

function unref(handle: NodeJS.Timeout): TimerHandle {
  handle.unref();
  return handle;
}

/** Node's timers, unref'd, and `Date.now`. */
export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (fn, delayMs) => unref(globalThis.setTimeout(fn, delayMs)),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as NodeJS.Timeout),
  setInterval: (fn, intervalMs) => unref(globalThis.setInterval(fn, intervalMs)),
  clearInterval: (handle) => globalThis.clearInterval(handle as NodeJS.Timeout),
};

/** A cancellable one-shot timer. */
export interface OneShotTimer {
  /** Cancel it; a no-op once it fired or was cancelled. */
  cancel(): void;
  /** True until it fired or was cancelled. */
  readonly pending: boolean;
}

/**
 * Run `fn` once after `delayMs` on an unref'd timer of `scheduler`. A throw from `fn` goes to
 * `onError` (never to the event loop).
 */
export function scheduleOnce(
  fn: () => void,
  delayMs: number,
  options: { scheduler?: Scheduler; onError?: (error: unknown) => void } = {},
): OneShotTimer {
  const scheduler = options.scheduler ?? systemScheduler;
  let pending = true;
  const handle = scheduler.setTimeout(() => {
    pending = false;
    try {
      fn();
    } catch (error) {
      options.onError?.(error);
    }
  }, delayMs);
  return {
    cancel() {
      if (!pending) return;
      pending = false;
      scheduler.clearTimeout(handle);
    },
    get pending() {
      return pending;
    },
  };
}

/**
 * Resolve after `ms` of real time. Only for tests of real I/O; everything else runs on jest fake
 * timers or a {@link FakeScheduler}.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A promise that never settles (a hung dependency). */
export function never<T = never>(): Promise<T> {
  return new Promise<T>(() => {});
}

/**
 * Wait `ms` and one more macrotask, so a rejection left unhandled by code under test is raised
 * while the test still runs: jest fails the running test on an unhandled rejection.
 */
export async function settle(ms: number): Promise<void> {
  await sleep(ms);
  await new Promise((resolve) => setImmediate(resolve));
}

/** Let every queued promise callback run (no timers involved). */
export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/**
 * With jest fake timers on: advance to 1 ms before `deadlineMs` and note whether `promise` is
 * still pending, then advance the last millisecond and wait for it. Resolves `true` when it held
 * out until its deadline (a test of a shutdown deadline expects that); it never settles if
 * `promise` does not.
 */
export async function pendingUntil(
  promise: Promise<unknown>,
  deadlineMs: number,
): Promise<boolean> {
  let done = false;
  const settled = promise.then(
    () => (done = true),
    () => (done = true),
  );
  await jest.advanceTimersByTimeAsync(deadlineMs - 1);
  const pending = !done;
  await jest.advanceTimersByTimeAsync(1);
  await settled;
  return pending;
}

/**
 * Run `fn` on jest fake timers, then go back to real ones (also when it throws). Ticks,
 * immediates and microtasks stay real, so a promise rejection left unhandled still surfaces
 * (see {@link settleVirtual}).
 */
export async function withFakeTimers<T>(fn: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  try {
    return await fn();
  } finally {
    jest.useRealTimers();
  }
}

/**
 * Inside {@link withFakeTimers}: advance virtual time by `ms`, then wait one real macrotask, so a
 * rejection that code under test left unhandled is raised while the test still runs.
 */
export async function settleVirtual(ms: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(ms);
  await new Promise((resolve) => setImmediate(resolve));
}

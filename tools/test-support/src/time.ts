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

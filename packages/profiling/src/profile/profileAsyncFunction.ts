import type { FunctionProfileResult } from '../model/functionProfileResult.js';
import { functionNameOf, profileCall } from './profileCall.js';

/**
 * Call `fn(...args)` (sync or async) and profile the call: wall time, process CPU user and
 * system time, heap and RSS change. Resolves to `[result, profile]`.
 *
 * When `fn` throws or rejects, the promise rejects with that same error and the profile is
 * still taken: read it with `getErrorProfile(error)`.
 *
 * @example
 * ```ts
 * const [user, profile] = await profileAsyncFunction(loadUser, 'ann');
 * console.log(`${profile.executionTimeMs.toFixed(1)} ms`);
 * ```
 */
export async function profileAsyncFunction<A extends unknown[], R>(
  fn: (...args: A) => R,
  ...args: A
): Promise<[Awaited<R>, FunctionProfileResult]> {
  let profile: FunctionProfileResult | undefined;
  const result = await profileCall(
    functionNameOf(fn),
    () => fn(...args),
    (p) => {
      profile = p;
    },
  );
  return [result, profile!];
}

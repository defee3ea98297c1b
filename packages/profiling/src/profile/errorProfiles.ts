import { processSingleton } from '@lexigram/monitor-core/internal';
import type { FunctionProfileResult } from '../model/functionProfileResult.js';

// A WeakMap rather than a property on the error: thrown objects may be frozen or have getters,
// and the error the caller catches must be the very one the function threw, untouched. Shared
// per process so the ESM and CJS builds of this package see the same profiles.
const profiles = processSingleton(
  '@lexigram/monitor-profiling/error-profiles',
  () => new WeakMap<object, FunctionProfileResult>(),
);

/** Remember `profile` as the profile of the call that threw `error` (objects only). */
export function attachProfile(error: unknown, profile: FunctionProfileResult): void {
  if ((typeof error === 'object' && error !== null) || typeof error === 'function') {
    profiles.set(error, profile);
  }
}

/**
 * The profile of the profiled call that threw `error`: how `profileAsyncFunction` and
 * `PerformanceMonitor.profileFunction` hand over the profile when the function fails (they
 * rethrow the function's own error). Undefined for errors that did not come out of a profiled
 * call, and for thrown primitives (`throw 'x'`), which cannot carry one: use
 * `profiledFunction(fn, { onProfile })` when those matter.
 *
 * @example
 * ```ts
 * try { await profileAsyncFunction(save, record); }
 * catch (error) { console.log(getErrorProfile(error)?.executionTimeMs); throw error; }
 * ```
 */
export function getErrorProfile(error: unknown): FunctionProfileResult | undefined {
  if ((typeof error === 'object' && error !== null) || typeof error === 'function') {
    return profiles.get(error);
  }
  return undefined;
}

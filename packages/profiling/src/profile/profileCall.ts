import type { FunctionProfileResult } from '../model/functionProfileResult.js';
import { attachProfile } from './errorProfiles.js';

/** Readings taken when a profiled call starts. */
export interface ProfileStart {
  readonly functionName: string;
  readonly startTime: number;
  readonly startedAt: number;
  readonly cpu: NodeJS.CpuUsage;
  readonly heapUsed: number;
  readonly rss: number;
}

/** Take the readings a profile starts from. */
export function beginProfile(functionName: string): ProfileStart {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  const startedAt = performance.now();
  return {
    functionName,
    startTime: performance.timeOrigin + startedAt,
    startedAt,
    cpu,
    heapUsed: memory.heapUsed,
    rss: memory.rss,
  };
}

/** Finish a profile begun with {@link beginProfile}. */
export function endProfile(
  start: ProfileStart,
  success: boolean,
  error?: unknown,
): FunctionProfileResult {
  const endedAt = performance.now();
  const cpu = process.cpuUsage(start.cpu);
  const memory = process.memoryUsage();
  const base = {
    functionName: start.functionName,
    startTime: start.startTime,
    executionTimeMs: endedAt - start.startedAt,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    memoryDeltaBytes: memory.heapUsed - start.heapUsed,
    rssDeltaBytes: memory.rss - start.rss,
    success,
  };
  return Object.freeze(success ? base : { ...base, error });
}

/**
 * Run `call` and profile it, keeping its shape: a sync function is measured to its return, a
 * function returning a promise (any thenable) to its settling. `onProfile` gets the profile
 * either way; when the call fails the profile is also attached to the error (see
 * `getErrorProfile`) and the error is rethrown unchanged.
 */
export function profileCall<R>(
  functionName: string,
  call: () => R,
  onProfile: (profile: FunctionProfileResult) => void,
): R {
  const start = beginProfile(functionName);
  const fail = (error: unknown): never => {
    const profile = endProfile(start, false, error);
    attachProfile(error, profile);
    notify(onProfile, profile);
    throw error;
  };
  let result: R;
  try {
    result = call();
  } catch (error) {
    return fail(error);
  }
  if (isThenable(result)) {
    return Promise.resolve(result).then((value) => {
      notify(onProfile, endProfile(start, true));
      return value;
    }, fail) as R;
  }
  notify(onProfile, endProfile(start, true));
  return result;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function notify(
  onProfile: (profile: FunctionProfileResult) => void,
  profile: FunctionProfileResult,
): void {
  try {
    onProfile(profile);
  } catch (error) {
    // A faulty callback must not change the outcome of the profiled function.
    process.emitWarning(
      `@lexigram/monitor-profiling: an onProfile callback threw and was ignored: ${String(error)}`,
      { code: 'LEXIGRAM_PROFILE_CALLBACK' },
    );
  }
}

/** Name to report for `fn`: `name` if given, else the function's own, else `anonymous`. */
export function functionNameOf(fn: { readonly name: string }, name?: string): string {
  return name ?? (fn.name || 'anonymous');
}

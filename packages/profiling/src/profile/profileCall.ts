import type { MonitorFaultHandler } from '@lexigram/monitor-core';
import { callAndSettle } from '@lexigram/monitor-core/internal';
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
 * `getErrorProfile`) and the error is rethrown unchanged. A throwing `onProfile` is reported as a
 * `CALLBACK_THREW` fault (to `onError`, else the process-wide channel) and changes nothing.
 */
export function profileCall<R>(
  functionName: string,
  call: () => R,
  onProfile: (profile: FunctionProfileResult) => void,
  onError?: MonitorFaultHandler,
): R {
  const start = beginProfile(functionName);
  return callAndSettle(
    call,
    (settled) => {
      const profile = endProfile(start, settled.ok, settled.ok ? undefined : settled.error);
      if (!settled.ok) attachProfile(settled.error, profile);
      onProfile(profile);
    },
    { component: 'profiling.profileCall', ...(onError ? { onError } : {}) },
  );
}

/** Name to report for `fn`: `name` if given, else the function's own, else `anonymous`. */
export function functionNameOf(fn: { readonly name: string }, name?: string): string {
  return name ?? (fn.name || 'anonymous');
}

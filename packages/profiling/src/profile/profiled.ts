import { PerformanceMonitorError, type MonitorFaultHandler } from '@lexigram/monitor-core';
import {
  createInstrumenter,
  keepName,
  type AnyFunction,
  type Instrumenter,
} from '@lexigram/monitor-core/internal';
import type { FunctionProfileResult } from '../model/functionProfileResult.js';
import { profileCall } from './profileCall.js';

/** Options of {@link profiledFunction} and {@link profiled}. */
export interface ProfiledOptions {
  /** Name in the profiles. Default: the function's name (`Class.method` for the decorator). */
  name?: string;
  /**
   * Receives the profile of every call, successful or not (before the error is rethrown). An
   * exception it throws is reported as a process warning and does not affect the call. Pass
   * `(p) => monitor.recordProfile(p)` to collect the profiles in a monitor's metrics.
   */
  onProfile: (profile: FunctionProfileResult) => void;
  /**
   * Receives a throw from `onProfile` (`CALLBACK_THREW`). Default: the process-wide fault
   * channel.
   */
  onError?: MonitorFaultHandler;
}

/**
 * Wrap `fn` so that every call is profiled and its {@link FunctionProfileResult} handed to
 * `options.onProfile`, including calls that throw (the error is rethrown unchanged). A sync
 * function stays sync; an async one is measured until its promise settles.
 *
 * @example
 * ```ts
 * const resize = profiledFunction(resizeImage, { onProfile: (p) => log.info(p) });
 * ```
 */
export function profiledFunction<F extends AnyFunction>(fn: F, options: ProfiledOptions): F {
  checkOptions(options, 'profiledFunction');
  return profiled(fn, options);
}

/**
 * {@link profiledFunction} as a standard (TC39) method decorator, `@profiled({ onProfile })`
 * (default name `ClassName.method`, resolved once per class), and as a wrapper like `traced` and
 * `metered`: `profiled(fn, options)` or `profiled(options)(fn)`.
 *
 * @example
 * ```ts
 * class Reports { @profiled({ onProfile: keep }) async build(id: string) { ... } }
 * ```
 */
export const profiled: Instrumenter<ProfiledOptions> = createInstrumenter<
  ProfiledOptions,
  ProfiledOptions
>({
  normalize: (options) => {
    checkOptions(options, 'profiled');
    return options!;
  },
  wrap: (fn, qualifiedName, options) => {
    const name = options.name ?? qualifiedName;
    return keepName(
      function (this: unknown, ...args: unknown[]): unknown {
        return profileCall(
          name,
          () => (fn as unknown as Callable).apply(this, args),
          options.onProfile,
          options.onError,
        );
      } as unknown as typeof fn,
      fn,
    );
  },
});

type Callable = (this: unknown, ...args: unknown[]) => unknown;

function checkOptions(options: ProfiledOptions | undefined, caller: string): void {
  if (typeof options?.onProfile !== 'function') {
    throw new PerformanceMonitorError(
      `${caller}: options.onProfile must be a function that receives each FunctionProfileResult`,
    );
  }
}

import { PerformanceMonitorError } from '@lexigram/monitor-core';
import type { FunctionProfileResult } from '../model/functionProfileResult.js';
import { functionNameOf, profileCall } from './profileCall.js';

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
}

// `this: never` accepts functions that declare a `this` type; calls go through `Callable`.
type AnyFn = (this: never, ...args: never[]) => unknown;
type Callable = (this: unknown, ...args: unknown[]) => unknown;

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
export function profiledFunction<F extends AnyFn>(fn: F, options: ProfiledOptions): F {
  checkOptions(options, 'profiledFunction');
  const name = functionNameOf(fn, options.name);
  const wrapped = function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
    return profileCall(
      name,
      () => (fn as unknown as Callable).apply(this, args),
      options.onProfile,
    ) as ReturnType<F>;
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  return wrapped as unknown as F;
}

/**
 * {@link profiledFunction} as a standard (TC39) method decorator. The default name is
 * `ClassName.method`.
 *
 * @example
 * ```ts
 * class Reports { @profiled({ onProfile: keep }) async build(id: string) { ... } }
 * ```
 */
export function profiled(options: ProfiledOptions) {
  checkOptions(options, 'profiled');
  return function <F extends AnyFn>(method: F, context: ClassMethodDecoratorContext): F {
    const methodName = String(context.name);
    return function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
      // The class name is only known from the receiver.
      const owner = (context.static ? this : (this as object | undefined)?.constructor) as
        { name?: string } | undefined;
      const name = options.name ?? (owner?.name ? `${owner.name}.${methodName}` : methodName);
      return profileCall(
        name,
        () => (method as unknown as Callable).apply(this, args),
        options.onProfile,
      ) as ReturnType<F>;
    } as unknown as F;
  };
}

function checkOptions(options: ProfiledOptions | undefined, caller: string): void {
  if (typeof options?.onProfile !== 'function') {
    throw new PerformanceMonitorError(
      `${caller}: options.onProfile must be a function that receives each FunctionProfileResult`,
    );
  }
}

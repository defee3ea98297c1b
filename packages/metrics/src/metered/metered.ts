import {
  getObservability,
  type HistogramProtocol,
  type Labels,
  type MetricsCollectorProtocol,
  type ObservabilityService,
} from '@lexigram/monitor-core';
import { safeWarn, type MetricsLogger } from '../logging/metricsLogger.js';
import { validateMetricName } from '../validation/names.js';
import { defaultMeteredName } from './meteredName.js';

/** Options of {@link metered} and {@link meteredFunction}. */
export interface MeteredOptions {
  /** Metric name. Default `{module}_{qualname}_duration` (see {@link defaultMeteredName}). */
  name?: string;
  /** Module part of the default name, e.g. `orders` (JavaScript cannot know it by itself). */
  module?: string;
  /** Service whose meter records. Default: `getObservability()` at each call. */
  service?: ObservabilityService;
  /** Help text of the histogram. */
  description?: string;
  /** Labels of every observation. */
  labels?: Labels;
  /** Bucket bounds in seconds; default the meter's. */
  buckets?: readonly number[];
  /** Where a recording fault is reported (once). Default: core's `createLogger()`. */
  logger?: MetricsLogger;
}

type AnyFn = (this: unknown, ...args: never[]) => unknown;

/**
 * Wrap `fn` so each call's duration, in seconds, is observed on a histogram (unit `seconds`):
 * after a sync return, after a returned promise settles, and also when it throws or rejects (the
 * error is rethrown). The histogram is created on the meter at first use, and again if the
 * process-wide service changes. A recording fault is logged once, never thrown into the caller.
 *
 * @example
 * ```ts
 * const fetchUser = meteredFunction(async (id: string) => db.users.get(id), { module: 'users' });
 * // observes users_fetchUser_duration (when the function is named fetchUser)
 * ```
 */
export function meteredFunction<F extends AnyFn>(fn: F, options: MeteredOptions | string = {}): F {
  const opts = normalize(options);
  const name = opts.name ?? defaultMeteredName(fn.name || 'anonymous', opts.module);
  return wrap(fn, name, opts);
}

/**
 * `metered` as a standard (TC39) method decorator: `@metered()`, `@metered('name')` or
 * `@metered({ module, labels, ... })`. The default name is `{module}_{Class}_{method}_duration`.
 *
 * @example
 * ```ts
 * class Orders { @metered({ module: 'shop' }) async place(order: Order) { ... } }
 * // observes shop_Orders_place_duration
 * ```
 */
export function metered(options: MeteredOptions | string = {}) {
  const opts = normalize(options);
  return function <F extends AnyFn>(method: F, context: ClassMethodDecoratorContext): F {
    const methodName = String(context.name);
    let wrapped: F | undefined;
    return function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
      // The class name is only known from the receiver, so the wrapper is built on first call.
      if (wrapped === undefined) {
        const owner = (context.static ? this : (this as object | undefined)?.constructor) as
          { name?: string } | undefined;
        const qualname = owner?.name ? `${owner.name}.${methodName}` : methodName;
        wrapped = wrap(method, opts.name ?? defaultMeteredName(qualname, opts.module), opts);
      }
      return wrapped.apply(this, args as never[]) as ReturnType<F>;
    } as F;
  };
}

function normalize(options: MeteredOptions | string): MeteredOptions {
  const opts = typeof options === 'string' ? { name: options } : options;
  // An explicit name is checked now, where the mistake is, not at the first call.
  if (opts.name !== undefined) validateMetricName(opts.name);
  return opts;
}

function wrap<F extends AnyFn>(fn: F, name: string, opts: MeteredOptions): F {
  const observe = histogramRecorder(name, opts);
  const wrapped = function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
    const start = performance.now();
    let result: unknown;
    try {
      result = fn.apply(this, args as never[]);
    } catch (error) {
      observe(start);
      throw error;
    }
    if (isThenable(result)) {
      return Promise.resolve(result).then(
        (value) => {
          observe(start);
          return value;
        },
        (error: unknown) => {
          observe(start);
          throw error;
        },
      ) as ReturnType<F>;
    }
    observe(start);
    return result as ReturnType<F>;
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  return wrapped as unknown as F;
}

/** Observes the seconds elapsed since `start` on the histogram `name` of the current meter. */
function histogramRecorder(name: string, opts: MeteredOptions): (start: number) => void {
  let meter: MetricsCollectorProtocol | undefined;
  let histogram: HistogramProtocol | undefined;
  let warned = false;
  return (start) => {
    const seconds = (performance.now() - start) / 1000;
    try {
      const current = (opts.service ?? getObservability()).meter;
      if (current !== meter || histogram === undefined) {
        histogram = current.createHistogram(name, opts.description ?? '', {
          unit: 'seconds',
          ...(opts.buckets === undefined ? {} : { buckets: opts.buckets }),
        });
        meter = current;
      }
      histogram.observe(seconds, opts.labels);
    } catch (error) {
      if (!warned) {
        warned = true;
        safeWarn(
          opts.logger,
          { metric: name, err: error },
          `metered could not record "${name}"; the wrapped function is unaffected. Fix the metric name, labels or buckets.`,
        );
      }
    }
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

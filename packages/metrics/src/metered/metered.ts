import {
  getObservability,
  type HistogramProtocol,
  type Labels,
  type MetricsCollectorProtocol,
  type ObservabilityService,
} from '@lexigram/monitor-core';
import {
  callAndSettle,
  createInstrumenter,
  keepName,
  type AnyFunction,
  type Instrumenter,
} from '@lexigram/monitor-core/internal';
import { faultSink, metricsFault, type FaultOptions } from '../logging/metricsFaults.js';
import { validateMetricName } from '../validation/names.js';
import { defaultMeteredName } from './meteredName.js';

/** Options of {@link metered} and {@link meteredFunction}. */
export interface MeteredOptions extends FaultOptions {
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
}

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
export function meteredFunction<F extends AnyFunction>(
  fn: F,
  options: MeteredOptions | string = {},
): F {
  return metered(fn, options);
}

/**
 * `metered` as a standard (TC39) method decorator: `@metered`, `@metered('name')` or
 * `@metered({ module, labels, ... })`; the default name is `{module}_{Class}_{method}_duration`.
 * Also a wrapper, like `traced` and `monitor`: `metered(fn, options)` or `metered(options)(fn)`.
 *
 * @example
 * ```ts
 * class Orders { @metered({ module: 'shop' }) async place(order: Order) { ... } }
 * // observes shop_Orders_place_duration
 * ```
 */
export const metered: Instrumenter<MeteredOptions | string> = createInstrumenter<
  MeteredOptions | string,
  MeteredOptions
>({
  normalize,
  wrap: (fn, qualname, opts) =>
    wrap(fn, opts.name ?? defaultMeteredName(qualname, opts.module), opts),
});

function normalize(options: MeteredOptions | string | undefined): MeteredOptions {
  const opts = typeof options === 'string' ? { name: options } : (options ?? {});
  // An explicit name is checked now, where the mistake is, not at the first call.
  if (opts.name !== undefined) validateMetricName(opts.name);
  return opts;
}

function wrap<F extends AnyFunction>(fn: F, name: string, opts: MeteredOptions): F {
  const observe = histogramRecorder(name, opts);
  return keepName(
    function (this: unknown, ...args: unknown[]): unknown {
      const start = performance.now();
      return callAndSettle(
        () => (fn as unknown as (this: unknown, ...a: unknown[]) => unknown).apply(this, args),
        () => observe(start),
      );
    } as unknown as F,
    fn,
  );
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
        metricsFault(
          faultSink(opts),
          'metered',
          'RECORD_FAILED',
          `metered could not record "${name}"; the wrapped function is unaffected. Fix the metric name, labels or buckets.`,
          { metric: name },
          error,
        );
      }
    }
  };
}

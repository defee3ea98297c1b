import { PerformanceMonitorError } from '@lexigram/monitor-core';
import type { PerformanceMonitorConfigInput } from '../config/performanceMonitorConfig.js';
import { PerformanceMonitor } from './performanceMonitor.js';

/**
 * Monitor a region of code: a new {@link PerformanceMonitor} is started before `fn` runs and
 * stopped after it settles, also when it throws (the error is rethrown). `fn` receives the
 * running monitor; keep it to read the final `metrics` afterwards. Resolves to `fn`'s result.
 *
 * The callback form of the reference's `monitor_async_operation` context manager.
 *
 * @example
 * ```ts
 * let monitor!: PerformanceMonitor;
 * const rows = await monitorAsyncOperation({ samplingIntervalMs: 50 }, async (m) => {
 *   monitor = m;
 *   return importRows();
 * });
 * console.log(monitor.metrics.durationMs, monitor.metrics.cpuPercentAvg);
 * ```
 */
export function monitorAsyncOperation<T>(
  fn: (monitor: PerformanceMonitor) => T | Promise<T>,
): Promise<T>;
export function monitorAsyncOperation<T>(
  config: PerformanceMonitorConfigInput | undefined,
  fn: (monitor: PerformanceMonitor) => T | Promise<T>,
): Promise<T>;
export async function monitorAsyncOperation<T>(
  configOrFn:
    PerformanceMonitorConfigInput | undefined | ((monitor: PerformanceMonitor) => T | Promise<T>),
  maybeFn?: (monitor: PerformanceMonitor) => T | Promise<T>,
): Promise<T> {
  const fn = typeof configOrFn === 'function' ? configOrFn : maybeFn;
  const config = typeof configOrFn === 'function' ? undefined : configOrFn;
  if (typeof fn !== 'function') {
    throw new PerformanceMonitorError(
      'monitorAsyncOperation needs a function to run: (monitor) => ...',
    );
  }
  return new PerformanceMonitor(config).monitorContext(fn);
}

import { z } from 'zod';
import { count, millis } from './durations.js';
import { parseOptions } from '@lexigram/monitor-core/internal';

/**
 * Settings of a {@link PerformanceMonitor}. Every field has a default; unknown fields are
 * rejected, so a typo is an error rather than a silently ignored setting.
 */
export const PerformanceMonitorConfigSchema = z.strictObject({
  /** Time between two snapshots. */
  samplingIntervalMs: millis('samplingIntervalMs').default(1000),
  /**
   * Snapshots kept (the most recent ones). Averages and peaks still cover every sample taken, so
   * the bound limits memory, not accuracy.
   */
  maxSnapshots: count('maxSnapshots').default(1000),
  /** Function profiles kept in the metrics (the most recent ones). */
  maxFunctionProfiles: count('maxFunctionProfiles', 0).default(100),
  /** Measure event-loop delay (perf_hooks histogram) and event-loop utilization. */
  trackEventLoop: z.boolean({ error: 'trackEventLoop must be true or false' }).default(true),
  /**
   * Resolution of the event-loop delay histogram: the loop is probed this often. Lower is more
   * precise and costs more wake-ups.
   */
  eventLoopResolutionMs: millis('eventLoopResolutionMs').default(10),
  /** Count garbage collections and their pauses (PerformanceObserver `gc` entries). */
  trackGc: z.boolean({ error: 'trackGc must be true or false' }).default(true),
  /** Count active handles and requests (`process.getActiveResourcesInfo`) in each snapshot. */
  trackActiveHandles: z
    .boolean({ error: 'trackActiveHandles must be true or false' })
    .default(true),
});

/** Performance monitor settings, defaults applied. */
export type PerformanceMonitorConfig = z.output<typeof PerformanceMonitorConfigSchema>;

/** Performance monitor settings as a user writes them: every field optional. */
export type PerformanceMonitorConfigInput = z.input<typeof PerformanceMonitorConfigSchema>;

/**
 * Validate `input` and apply the defaults.
 *
 * @throws MonitorConfigError naming every invalid field, e.g. `samplingIntervalMs`.
 * @example
 * ```ts
 * const config = parsePerformanceMonitorConfig({ samplingIntervalMs: 100 });
 * ```
 */
export function parsePerformanceMonitorConfig(
  input: PerformanceMonitorConfigInput = {},
): PerformanceMonitorConfig {
  return parseOptions(PerformanceMonitorConfigSchema, input, {
    source: 'PerformanceMonitorConfig',
  });
}

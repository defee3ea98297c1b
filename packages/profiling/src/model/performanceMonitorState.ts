/**
 * Lifecycle of a {@link PerformanceMonitor}. Use the constants (`PerformanceMonitorState.Running`)
 * or the string values (`'running'`); both type-check as `PerformanceMonitorState`.
 *
 * `idle` → `running` (startMonitoring) → `stopped` (stopMonitoring) → `running` again (a restart
 * begins a fresh run).
 */
export const PerformanceMonitorState = {
  /** Created, never started. */
  Idle: 'idle',
  /** Sampling. */
  Running: 'running',
  /** Stopped; the metrics of the last run stay readable. */
  Stopped: 'stopped',
} as const;

/** One of `'idle' | 'running' | 'stopped'`. */
export type PerformanceMonitorState =
  (typeof PerformanceMonitorState)[keyof typeof PerformanceMonitorState];

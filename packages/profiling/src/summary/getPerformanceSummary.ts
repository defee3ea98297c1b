import type { PerformanceMetrics } from '../model/performanceMetrics.js';

/**
 * The reference's summary dictionary of a run: duration, sample counts, CPU and memory
 * averages, task counts (active handles, the Node counterpart of asyncio tasks, and profiled
 * calls) and whether function profiles were taken. Plain data, ready for JSON or a log line.
 */
export interface PerformanceSummary {
  readonly durationMs: number;
  /** Samples taken. */
  readonly sampleCount: number;
  /** Snapshots still held (at most `maxSnapshots`). */
  readonly snapshotCount: number;
  readonly cpuPercentAvg: number;
  readonly cpuPercentPeak: number;
  readonly rssBytesAvg: number;
  readonly rssBytesPeak: number;
  readonly heapUsedBytesAvg: number;
  readonly heapUsedBytesPeak: number;
  readonly eventLoopDelayP99Ms: number;
  readonly eventLoopUtilization: number;
  readonly gcCount: number;
  readonly gcTotalPauseMs: number;
  /** Mean active handles and requests over the samples. */
  readonly activeHandlesAvg: number;
  /** Most active handles and requests in one sample. */
  readonly activeHandlesPeak: number;
  /** Function calls profiled. */
  readonly profiledCallCount: number;
  /** Profiled calls that threw (among those kept). */
  readonly failedCallCount: number;
  /** True when at least one function call was profiled. */
  readonly hasProfileData: boolean;
}

/**
 * Summarise `metrics` as the reference's `get_performance_summary` does. Synchronous: it only
 * reads the metrics object.
 *
 * @example
 * ```ts
 * log.info(getPerformanceSummary(monitor.stopMonitoring()), 'run finished');
 * ```
 */
export function getPerformanceSummary(metrics: PerformanceMetrics): PerformanceSummary {
  return {
    durationMs: metrics.durationMs,
    sampleCount: metrics.sampleCount,
    snapshotCount: metrics.snapshots.length,
    cpuPercentAvg: metrics.cpuPercentAvg,
    cpuPercentPeak: metrics.cpuPercentPeak,
    rssBytesAvg: metrics.rssBytesAvg,
    rssBytesPeak: metrics.rssBytesPeak,
    heapUsedBytesAvg: metrics.heapUsedBytesAvg,
    heapUsedBytesPeak: metrics.heapUsedBytesPeak,
    eventLoopDelayP99Ms: metrics.eventLoopDelayP99Ms,
    eventLoopUtilization: metrics.eventLoopUtilization,
    gcCount: metrics.gcCount,
    gcTotalPauseMs: metrics.gcTotalPauseMs,
    activeHandlesAvg: metrics.activeHandlesAvg,
    activeHandlesPeak: metrics.activeHandlesPeak,
    profiledCallCount: metrics.functionProfileCount,
    failedCallCount: metrics.functionProfiles.filter((p) => !p.success).length,
    hasProfileData: metrics.functionProfileCount > 0,
  };
}

import type { FunctionProfileResult } from './functionProfileResult.js';
import type { GcCountsByKind } from './gcKind.js';
import type { PerformanceSnapshot } from './performanceSnapshot.js';

/**
 * Performance of one monitoring run, aggregated over every sample taken (not only the snapshots
 * kept). Averages are weighted by time where that is what they mean (CPU, event-loop
 * utilization) and per sample otherwise (memory, handles).
 */
export interface PerformanceMetrics {
  /** When monitoring started, epoch ms; undefined before the first start. */
  readonly startTime: number | undefined;
  /** When monitoring stopped, epoch ms; undefined while running or never started. */
  readonly endTime: number | undefined;
  /** Length of the run: until now while running, until the stop afterwards. */
  readonly durationMs: number;
  /** Samples taken in the run. */
  readonly sampleCount: number;
  /** The most recent snapshots, oldest first, at most `maxSnapshots`. */
  readonly snapshots: readonly PerformanceSnapshot[];
  /** CPU over the sampled time, in percent of one core. */
  readonly cpuPercentAvg: number;
  /** Highest CPU percent of one sample window. */
  readonly cpuPercentPeak: number;
  /** User-mode CPU time over the sampled time. */
  readonly cpuUserMs: number;
  /** Kernel-mode CPU time over the sampled time. */
  readonly cpuSystemMs: number;
  /** Mean resident set size of the samples. */
  readonly rssBytesAvg: number;
  /** Highest resident set size sampled. */
  readonly rssBytesPeak: number;
  /** Mean V8 heap in use of the samples. */
  readonly heapUsedBytesAvg: number;
  /** Highest V8 heap in use sampled. */
  readonly heapUsedBytesPeak: number;
  /** Highest V8 heap reserved sampled. */
  readonly heapTotalBytesPeak: number;
  /** Highest external memory sampled. */
  readonly externalBytesPeak: number;
  /** Event-loop delay over the whole run, beyond the probe resolution: median. */
  readonly eventLoopDelayP50Ms: number;
  /** Event-loop delay over the whole run: 99th percentile. */
  readonly eventLoopDelayP99Ms: number;
  /** Event-loop delay over the whole run: the longest. */
  readonly eventLoopDelayMaxMs: number;
  /** Share of the sampled time the event loop was busy, 0..1. */
  readonly eventLoopUtilization: number;
  /** Mean active handles of the samples that measured them (0 when none did). */
  readonly activeHandlesAvg: number;
  /** Most active handles sampled. */
  readonly activeHandlesPeak: number;
  /** Garbage collections in the run. */
  readonly gcCount: number;
  /** Garbage collections per kind. */
  readonly gcCountByKind: GcCountsByKind;
  /** Total GC pause in the run. */
  readonly gcTotalPauseMs: number;
  /** Longest single GC pause in the run. */
  readonly gcMaxPauseMs: number;
  /** The most recent function profiles (`profileFunction`), oldest first. */
  readonly functionProfiles: readonly FunctionProfileResult[];
  /** Function profiles recorded in total, including those no longer kept. */
  readonly functionProfileCount: number;
}

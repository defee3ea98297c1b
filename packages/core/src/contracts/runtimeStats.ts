/** Runtime figures of the process over the latest sampling window. */
export interface RuntimeStatsData {
  /** When the figures were taken, epoch milliseconds. */
  readonly timestamp: number;
  /** CPU used over the window, percent of one core. */
  readonly cpuPercent: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly heapTotalBytes: number;
  /** Event-loop delay over the window, 99th percentile. */
  readonly eventLoopDelayP99Ms: number;
  /** Event-loop delay over the window, the longest. */
  readonly eventLoopDelayMaxMs: number;
  /** Active handles and requests; undefined where unknown. */
  readonly activeHandles: number | undefined;
  /** Garbage collections in the window. */
  readonly gcCount: number;
  /** Total GC pause in the window. */
  readonly gcPauseMs: number;
}

/** Gives the latest runtime figures (the profiling package's sampler, or the dashboard's own). */
export interface RuntimeStatsProtocol {
  /** The latest figures; undefined before the first sample. Never throws. */
  getRuntimeStats(): RuntimeStatsData | undefined;
}

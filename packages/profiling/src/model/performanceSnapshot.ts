/**
 * One sample of the process, covering the window since the previous sample (or since the start
 * for the first one). Memory figures are taken at the sample; CPU, event-loop and GC figures
 * describe the window.
 */
export interface PerformanceSnapshot {
  /** When the sample was taken, epoch milliseconds. */
  readonly timestamp: number;
  /** Length of the window this sample describes. */
  readonly windowMs: number;
  /**
   * CPU used by the process over the window, in percent of one core (100 = one core busy the
   * whole window; worker and libuv threads can take it above 100).
   */
  readonly cpuPercent: number;
  /** User-mode CPU time used over the window. */
  readonly cpuUserMs: number;
  /** Kernel-mode CPU time used over the window. */
  readonly cpuSystemMs: number;
  /** Resident set size. */
  readonly rssBytes: number;
  /** V8 heap in use. */
  readonly heapUsedBytes: number;
  /** V8 heap reserved. */
  readonly heapTotalBytes: number;
  /** Memory of C++ objects bound to JavaScript objects (Buffers among them). */
  readonly externalBytes: number;
  /** Memory of ArrayBuffers and SharedArrayBuffers (included in `externalBytes`). */
  readonly arrayBuffersBytes: number;
  /**
   * Event-loop delay over the window, beyond the probe's resolution: median. 0 when event-loop
   * tracking is off or no probe completed in the window.
   */
  readonly eventLoopDelayP50Ms: number;
  /** Event-loop delay over the window: 99th percentile. */
  readonly eventLoopDelayP99Ms: number;
  /** Event-loop delay over the window: the longest. */
  readonly eventLoopDelayMaxMs: number;
  /** Share of the window the event loop was busy, 0..1 (`performance.eventLoopUtilization`). */
  readonly eventLoopUtilization: number;
  /**
   * Active handles and requests keeping the loop alive (`process.getActiveResourcesInfo`);
   * undefined where unavailable or when handle tracking is off.
   */
  readonly activeHandles: number | undefined;
  /** Garbage collections that ended in the window. */
  readonly gcCount: number;
  /** Total GC pause in the window. */
  readonly gcPauseMs: number;
}

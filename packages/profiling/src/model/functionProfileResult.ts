/**
 * Result of profiling one call of a function.
 *
 * CPU and memory figures are process-wide deltas between the start and the end of the call:
 * for an async function they include whatever else ran on the process meanwhile.
 */
export interface FunctionProfileResult {
  /** Name of the function (or the name given), `anonymous` when it has none. */
  readonly functionName: string;
  /** When the call started, epoch milliseconds. */
  readonly startTime: number;
  /** Wall-clock time from the call to its return, or to the settling of its promise. */
  readonly executionTimeMs: number;
  /** User-mode CPU time used by the process during the call. */
  readonly cpuUserMs: number;
  /** Kernel-mode CPU time used by the process during the call. */
  readonly cpuSystemMs: number;
  /** Change of V8 heap in use (negative when a GC ran during the call). */
  readonly memoryDeltaBytes: number;
  /** Change of resident set size. */
  readonly rssDeltaBytes: number;
  /** False when the function threw or its promise rejected. */
  readonly success: boolean;
  /** What the function threw, when `success` is false. */
  readonly error?: unknown;
}

/** Where a profiled function is in the code (Chrome DevTools protocol `Runtime.CallFrame`). */
export interface CpuProfileCallFrame {
  readonly functionName: string;
  readonly scriptId: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

/** One node of the call tree (DevTools protocol `Profiler.ProfileNode`). */
export interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: CpuProfileCallFrame;
  readonly hitCount?: number;
  readonly children?: readonly number[];
  readonly positionTicks?: readonly { readonly line: number; readonly ticks: number }[];
}

/**
 * A V8 CPU profile (DevTools protocol `Profiler.Profile`): the format of `.cpuprofile` files,
 * which Chrome DevTools, VS Code and speedscope open. Times are in microseconds.
 */
export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  /** Node id of each sample. */
  readonly samples?: readonly number[];
  /** Microseconds between consecutive samples (the first from `startTime`). */
  readonly timeDeltas?: readonly number[];
}

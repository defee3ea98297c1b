import { performance } from 'node:perf_hooks';
import type { PerformanceSnapshot } from '../model/performanceSnapshot.js';
import { countActiveResources } from './activeResources.js';
import { EventLoopProbe } from './eventLoopProbe.js';
import { GcTracker, type GcPauseListener } from './gcTracker.js';

/** What a {@link RuntimeSampler} measures. */
export interface RuntimeSamplerOptions {
  readonly trackEventLoop: boolean;
  readonly eventLoopResolutionMs: number;
  readonly trackGc: boolean;
  readonly trackActiveHandles: boolean;
  /** Keep run-wide event-loop delay percentiles (a second delay probe). */
  readonly keepRunFigures: boolean;
  /** Called for every GC pause as it is reported. */
  readonly onGcPause?: GcPauseListener;
}

/** Epoch milliseconds with sub-millisecond precision, never going backwards. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Takes {@link PerformanceSnapshot}s with Node's own instruments: `process.cpuUsage` (delta since
 * the previous sample), `process.memoryUsage`, the event-loop delay histogram and utilization,
 * `gc` performance entries and `process.getActiveResourcesInfo`. Each sample closes one window
 * and opens the next.
 */
export class RuntimeSampler {
  /** The event-loop probe, when event-loop tracking is on. */
  readonly eventLoop: EventLoopProbe | undefined;
  /** The GC tracker, when GC tracking is on. */
  readonly gc: GcTracker | undefined;
  private lastCpu: NodeJS.CpuUsage = process.cpuUsage();
  private lastAt = performance.now();
  private started = false;

  constructor(private readonly options: RuntimeSamplerOptions) {
    this.eventLoop = options.trackEventLoop
      ? new EventLoopProbe(options.eventLoopResolutionMs, options.keepRunFigures)
      : undefined;
    this.gc = options.trackGc ? new GcTracker(options.onGcPause) : undefined;
  }

  /** True between `start` and `stop`. */
  get running(): boolean {
    return this.started;
  }

  /** Start the instruments; the first window starts now. */
  start(): void {
    this.eventLoop?.start();
    this.gc?.start();
    this.lastCpu = process.cpuUsage();
    this.lastAt = performance.now();
    this.started = true;
  }

  /** Stop the instruments; their run figures stay readable. */
  stop(): void {
    this.eventLoop?.stop();
    this.gc?.stop();
    this.started = false;
  }

  /** Close the current window: a snapshot of it, and a new window starts. */
  sample(): PerformanceSnapshot {
    const at = performance.now();
    const cpu = process.cpuUsage();
    const cpuUserMs = (cpu.user - this.lastCpu.user) / 1000;
    const cpuSystemMs = (cpu.system - this.lastCpu.system) / 1000;
    this.lastCpu = cpu;
    const windowMs = at - this.lastAt;
    this.lastAt = at;
    const memory = process.memoryUsage();
    const loop = this.eventLoop?.takeWindow();
    const gc = this.gc?.takeWindow();
    return {
      timestamp: performance.timeOrigin + at,
      windowMs,
      cpuPercent: windowMs > 0 ? ((cpuUserMs + cpuSystemMs) / windowMs) * 100 : 0,
      cpuUserMs,
      cpuSystemMs,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
      externalBytes: memory.external,
      arrayBuffersBytes: memory.arrayBuffers,
      eventLoopDelayP50Ms: loop?.p50Ms ?? 0,
      eventLoopDelayP99Ms: loop?.p99Ms ?? 0,
      eventLoopDelayMaxMs: loop?.maxMs ?? 0,
      eventLoopUtilization: loop?.utilization ?? 0,
      activeHandles: this.options.trackActiveHandles ? countActiveResources() : undefined,
      gcCount: gc?.count ?? 0,
      gcPauseMs: gc?.pauseMs ?? 0,
    };
  }
}

import {
  monitorEventLoopDelay,
  PerformanceObserver,
  type IntervalHistogram,
} from 'node:perf_hooks';
import type { RuntimeStatsData, RuntimeStatsProtocol } from '@lexigram/monitor-core';

/**
 * The dashboard's own runtime figures when no profiling sampler is given: CPU, memory,
 * event-loop delay, active handles and GC over the window since the previous call. Its probes
 * (an event-loop delay histogram and a GC observer) run only between `start()` and `stop()`,
 * which the dashboard ties to having a page connected.
 */
export class ProcessRuntimeStats implements RuntimeStatsProtocol {
  private delay: IntervalHistogram | undefined;
  private gc: PerformanceObserver | undefined;
  private gcCount = 0;
  private gcPauseMs = 0;
  private lastCpu = process.cpuUsage();
  private lastTime = performance.now();

  /** Start the probes (idempotent). */
  start(): void {
    if (this.delay) return;
    // 50 ms: a delay sample costs a timer wake-up; at 20 ms these alone were ~0.3 % of a core.
    this.delay = monitorEventLoopDelay({ resolution: 50 });
    this.delay.enable();
    this.gc = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        this.gcCount++;
        this.gcPauseMs += entry.duration;
      }
    });
    this.gc.observe({ entryTypes: ['gc'] });
    this.lastCpu = process.cpuUsage();
    this.lastTime = performance.now();
  }

  /** Stop the probes. */
  stop(): void {
    this.delay?.disable();
    this.delay = undefined;
    this.gc?.disconnect();
    this.gc = undefined;
  }

  /** Figures over the window since the previous call; undefined while stopped. */
  getRuntimeStats(): RuntimeStatsData | undefined {
    if (!this.delay) return undefined;
    const now = performance.now();
    const cpu = process.cpuUsage(this.lastCpu);
    const windowMs = Math.max(now - this.lastTime, 1);
    const memory = process.memoryUsage();
    const stats: RuntimeStatsData = {
      timestamp: Date.now(),
      cpuPercent: ((cpu.user + cpu.system) / 1000 / windowMs) * 100,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
      eventLoopDelayP99Ms: nsToMs(this.delay.percentile(99)),
      eventLoopDelayMaxMs: nsToMs(this.delay.max),
      activeHandles:
        typeof process.getActiveResourcesInfo === 'function'
          ? process.getActiveResourcesInfo().length
          : undefined,
      gcCount: this.gcCount,
      gcPauseMs: this.gcPauseMs,
    };
    this.delay.reset();
    this.gcCount = 0;
    this.gcPauseMs = 0;
    this.lastCpu = process.cpuUsage();
    this.lastTime = now;
    return stats;
  }
}

function nsToMs(ns: number): number {
  return Number.isFinite(ns) ? ns / 1e6 : 0;
}

import type { FunctionProfileResult } from '../model/functionProfileResult.js';
import type { GcCountsByKind } from '../model/gcKind.js';
import type { PerformanceMetrics } from '../model/performanceMetrics.js';
import type { PerformanceSnapshot } from '../model/performanceSnapshot.js';
import { RingBuffer } from '@lexigram/monitor-core/internal';
import type { EventLoopDelay } from '../sampling/eventLoopProbe.js';
import type { GcTotals } from '../sampling/gcTracker.js';
import { emptyCounts } from '../sampling/gcTracker.js';

/** Run-wide figures the accumulator does not derive from snapshots. */
export interface RunFigures {
  readonly startTime: number | undefined;
  readonly endTime: number | undefined;
  readonly now: number;
  readonly eventLoopDelay: EventLoopDelay | undefined;
  readonly gc: GcTotals | undefined;
}

/**
 * Aggregates of a monitoring run kept as running sums and peaks, so averages cover every sample
 * even though only the most recent snapshots and function profiles are kept.
 */
export class MetricsAccumulator {
  private readonly snapshots: RingBuffer<PerformanceSnapshot>;
  private readonly profiles: RingBuffer<FunctionProfileResult>;
  private sampleCount = 0;
  private windowMsSum = 0;
  private cpuUserMs = 0;
  private cpuSystemMs = 0;
  private cpuPercentPeak = 0;
  private rssSum = 0;
  private rssPeak = 0;
  private heapUsedSum = 0;
  private heapUsedPeak = 0;
  private heapTotalPeak = 0;
  private externalPeak = 0;
  private busyMsSum = 0;
  private handlesSum = 0;
  private handlesSamples = 0;
  private handlesPeak = 0;
  private profileCount = 0;

  constructor(maxSnapshots: number, maxFunctionProfiles: number) {
    this.snapshots = new RingBuffer(maxSnapshots);
    this.profiles = new RingBuffer(maxFunctionProfiles);
  }

  /** The most recent snapshot. */
  get lastSnapshot(): PerformanceSnapshot | undefined {
    return this.snapshots.last();
  }

  /** Fold one snapshot into the aggregates and keep it. */
  addSnapshot(s: PerformanceSnapshot): void {
    this.snapshots.push(s);
    this.sampleCount += 1;
    this.windowMsSum += s.windowMs;
    this.cpuUserMs += s.cpuUserMs;
    this.cpuSystemMs += s.cpuSystemMs;
    this.cpuPercentPeak = Math.max(this.cpuPercentPeak, s.cpuPercent);
    this.rssSum += s.rssBytes;
    this.rssPeak = Math.max(this.rssPeak, s.rssBytes);
    this.heapUsedSum += s.heapUsedBytes;
    this.heapUsedPeak = Math.max(this.heapUsedPeak, s.heapUsedBytes);
    this.heapTotalPeak = Math.max(this.heapTotalPeak, s.heapTotalBytes);
    this.externalPeak = Math.max(this.externalPeak, s.externalBytes);
    this.busyMsSum += s.eventLoopUtilization * s.windowMs;
    if (s.activeHandles !== undefined) {
      this.handlesSum += s.activeHandles;
      this.handlesSamples += 1;
      this.handlesPeak = Math.max(this.handlesPeak, s.activeHandles);
    }
  }

  /** Keep one function profile. */
  addProfile(profile: FunctionProfileResult): void {
    this.profiles.push(profile);
    this.profileCount += 1;
  }

  /** Immutable metrics of the run so far. */
  toMetrics(run: RunFigures): PerformanceMetrics {
    const n = this.sampleCount;
    const end = run.endTime ?? run.now;
    const gc = run.gc;
    const byKind: GcCountsByKind = gc ? gc.countByKind : emptyCounts();
    return Object.freeze({
      startTime: run.startTime,
      endTime: run.endTime,
      durationMs: run.startTime === undefined ? 0 : Math.max(0, end - run.startTime),
      sampleCount: n,
      snapshots: Object.freeze(this.snapshots.toArray()),
      cpuPercentAvg:
        this.windowMsSum > 0 ? ((this.cpuUserMs + this.cpuSystemMs) / this.windowMsSum) * 100 : 0,
      cpuPercentPeak: this.cpuPercentPeak,
      cpuUserMs: this.cpuUserMs,
      cpuSystemMs: this.cpuSystemMs,
      rssBytesAvg: n > 0 ? this.rssSum / n : 0,
      rssBytesPeak: this.rssPeak,
      heapUsedBytesAvg: n > 0 ? this.heapUsedSum / n : 0,
      heapUsedBytesPeak: this.heapUsedPeak,
      heapTotalBytesPeak: this.heapTotalPeak,
      externalBytesPeak: this.externalPeak,
      eventLoopDelayP50Ms: run.eventLoopDelay?.p50Ms ?? 0,
      eventLoopDelayP99Ms: run.eventLoopDelay?.p99Ms ?? 0,
      eventLoopDelayMaxMs: run.eventLoopDelay?.maxMs ?? 0,
      eventLoopUtilization: this.windowMsSum > 0 ? this.busyMsSum / this.windowMsSum : 0,
      activeHandlesAvg: this.handlesSamples > 0 ? this.handlesSum / this.handlesSamples : 0,
      activeHandlesPeak: this.handlesPeak,
      gcCount: gc?.count ?? 0,
      gcCountByKind: Object.freeze({ ...byKind }),
      gcTotalPauseMs: gc?.totalPauseMs ?? 0,
      gcMaxPauseMs: gc?.maxPauseMs ?? 0,
      functionProfiles: Object.freeze(this.profiles.toArray()),
      functionProfileCount: this.profileCount,
    });
  }
}

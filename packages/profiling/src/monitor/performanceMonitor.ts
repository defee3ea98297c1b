import {
  PerformanceMonitorError,
  type MonitorFaultHandler,
  type RuntimeStatsData,
  type RuntimeStatsProtocol,
} from '@lexigram/monitor-core';
import {
  BackgroundLoop,
  reportFault,
  runWithDeadline,
  type Scheduler,
} from '@lexigram/monitor-core/internal';
import {
  parsePerformanceMonitorConfig,
  type PerformanceMonitorConfig,
  type PerformanceMonitorConfigInput,
} from '../config/performanceMonitorConfig.js';
import type { FunctionProfileResult } from '../model/functionProfileResult.js';
import type { PerformanceMetrics } from '../model/performanceMetrics.js';
import { PerformanceMonitorState } from '../model/performanceMonitorState.js';
import type { PerformanceSnapshot } from '../model/performanceSnapshot.js';
import { functionNameOf, profileCall } from '../profile/profileCall.js';
import { RuntimeSampler, epochNow } from '../sampling/runtimeSampler.js';
import { MetricsAccumulator } from './metricsAccumulator.js';

/** Options of a {@link PerformanceMonitor} that are not configuration data. */
export interface PerformanceMonitorOptions {
  /**
   * Receives a failed sample (`PROFILING_SAMPLE_FAILED`, the error as `fault.error`); the
   * monitor keeps running and counts it (`sampleErrors`). Default: the process-wide fault
   * channel (`setMonitorDiagnostics`).
   */
  onError?: MonitorFaultHandler;
  /** Timer source of the sampling loop (tests pass a fake). Default: unref'd Node timers. */
  scheduler?: Scheduler;
}

/**
 * Samples the process every `samplingIntervalMs` while active: CPU %, memory, event-loop delay
 * and utilization, active handles and GC pauses, each as a {@link PerformanceSnapshot}, and
 * aggregates them into {@link PerformanceMetrics}.
 *
 * The sampling timer is `unref()`ed, so a monitor never keeps the process alive, and a failing
 * sample never throws into the application. Only the most recent `maxSnapshots` snapshots are
 * kept; averages and peaks cover every sample.
 *
 * @example
 * ```ts
 * const monitor = new PerformanceMonitor({ samplingIntervalMs: 100 });
 * await monitor.monitorContext(async () => handleBatch());
 * console.log(getPerformanceSummary(monitor.metrics));
 * ```
 */
export class PerformanceMonitor implements RuntimeStatsProtocol {
  /** The configuration, defaults applied. */
  readonly config: PerformanceMonitorConfig;
  private readonly onError: MonitorFaultHandler | undefined;
  private readonly loop: BackgroundLoop;
  private currentState: PerformanceMonitorState = PerformanceMonitorState.Idle;
  private sampler: RuntimeSampler | undefined;
  private accumulator: MetricsAccumulator;
  private startTime: number | undefined;
  private endTime: number | undefined;
  private errors = 0;

  /**
   * @param config Settings; every field has a default.
   * @throws MonitorConfigError naming each invalid field.
   */
  constructor(config: PerformanceMonitorConfigInput = {}, options: PerformanceMonitorOptions = {}) {
    this.config = parsePerformanceMonitorConfig(config);
    if (options.onError !== undefined && typeof options.onError !== 'function') {
      throw new PerformanceMonitorError('options.onError must be a function or left out');
    }
    this.onError = options.onError;
    this.loop = new BackgroundLoop({
      run: () => this.sampleSafely(),
      onError: () => undefined, // sampleSafely reports its own failures
      component: 'profiling.performanceMonitor',
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    });
    this.accumulator = this.newAccumulator();
  }

  /** Current lifecycle state. */
  get state(): PerformanceMonitorState {
    return this.currentState;
  }

  /** Metrics of the current (or last) run; a new immutable object on every read. */
  get metrics(): PerformanceMetrics {
    return this.accumulator.toMetrics({
      startTime: this.startTime,
      endTime: this.endTime,
      now: epochNow(),
      eventLoopDelay: this.sampler?.eventLoop?.runDelay(),
      gc: this.sampler?.gc?.totals(),
    });
  }

  /** The most recent snapshot of the current (or last) run. */
  get lastSnapshot(): PerformanceSnapshot | undefined {
    return this.accumulator.lastSnapshot;
  }

  /** The latest snapshot, as core's `RuntimeStatsProtocol` reads it (the dashboard's runtime panel). */
  getRuntimeStats(): RuntimeStatsData | undefined {
    return this.accumulator.lastSnapshot;
  }

  /** Samples of this run that failed to be taken. */
  get sampleErrors(): number {
    return this.errors;
  }

  /**
   * Start sampling. A monitor that was stopped starts a fresh run (its previous metrics are
   * discarded).
   *
   * @throws PerformanceMonitorError when monitoring is already active.
   */
  startMonitoring(): void {
    if (this.currentState === PerformanceMonitorState.Running) {
      throw new PerformanceMonitorError(
        'Performance monitoring is already active: call stopMonitoring() first, or use a second PerformanceMonitor',
      );
    }
    const c = this.config;
    this.accumulator = this.newAccumulator();
    this.errors = 0;
    this.sampler = new RuntimeSampler({
      trackEventLoop: c.trackEventLoop,
      eventLoopResolutionMs: c.eventLoopResolutionMs,
      trackGc: c.trackGc,
      trackActiveHandles: c.trackActiveHandles,
      keepRunFigures: true,
    });
    this.sampler.start();
    this.startTime = epochNow();
    this.endTime = undefined;
    this.loop.start(c.samplingIntervalMs, 'samplingIntervalMs');
    this.currentState = PerformanceMonitorState.Running;
  }

  /**
   * Stop sampling and finalise the metrics. A last sample covers the time since the previous
   * one, so even a run shorter than one interval has a snapshot. Stopping a monitor that is not
   * running changes nothing.
   *
   * @returns The final metrics of the run.
   */
  stopMonitoring(): PerformanceMetrics {
    if (this.currentState === PerformanceMonitorState.Running) {
      void this.loop.stop();
      const previous = this.lastSnapshot;
      this.sampleSafely();
      const last = this.lastSnapshot;
      this.sampler?.stop();
      // The run ends where its last window ends, so the windows tile it exactly (stopping the
      // sampler's observers afterwards takes time of its own on a loaded machine).
      this.endTime = last !== undefined && last !== previous ? last.timestamp : epochNow();
      this.currentState = PerformanceMonitorState.Stopped;
    }
    return this.metrics;
  }

  /**
   * The lifecycle every component shares: stop sampling (as {@link PerformanceMonitor.stopMonitoring},
   * the reference's name, which also returns the final metrics). Never rejects.
   */
  shutdown(): Promise<void> {
    return runWithDeadline(() => void this.stopMonitoring(), {
      component: 'profiling.performanceMonitor',
      ...(this.onError ? { onError: this.onError } : {}),
    });
  }

  /**
   * Take a sample now, in addition to the timer's (it closes the current window).
   *
   * @throws PerformanceMonitorError when monitoring is not active.
   */
  takeSnapshot(): PerformanceSnapshot {
    if (this.currentState !== PerformanceMonitorState.Running || !this.sampler) {
      throw new PerformanceMonitorError(
        'Cannot take a snapshot: monitoring is not active; call startMonitoring() first',
      );
    }
    const snapshot = this.sampler.sample();
    this.accumulator.addSnapshot(snapshot);
    return snapshot;
  }

  /**
   * Run `fn` with monitoring on: start, run, and stop, also when `fn` throws (the error is
   * rethrown). The callback form of the reference's `monitor_context` context manager.
   *
   * @throws PerformanceMonitorError when monitoring is already active.
   */
  async monitorContext<T>(fn: (monitor: this) => T | Promise<T>): Promise<T> {
    this.startMonitoring();
    try {
      return await fn(this);
    } finally {
      this.stopMonitoring();
    }
  }

  /**
   * Call `fn(...args)` (sync or async), profile the call and keep the profile in this monitor's
   * metrics. Works whether or not monitoring is active.
   *
   * When `fn` fails the promise rejects with its own error; the profile is still kept here and
   * can also be read with `getErrorProfile(error)`.
   */
  async profileFunction<A extends unknown[], R>(
    fn: (...args: A) => R,
    ...args: A
  ): Promise<FunctionProfileResult> {
    let profile: FunctionProfileResult | undefined;
    await profileCall(
      functionNameOf(fn),
      () => fn(...args),
      (p) => {
        profile = p;
        this.recordProfile(p);
      },
    );
    return profile!;
  }

  /** Keep a profile taken elsewhere (e.g. by `profiledFunction`) in this monitor's metrics. */
  recordProfile(profile: FunctionProfileResult): void {
    this.accumulator.addProfile(profile);
  }

  private newAccumulator(): MetricsAccumulator {
    return new MetricsAccumulator(this.config.maxSnapshots, this.config.maxFunctionProfiles);
  }

  private sampleSafely(): void {
    if (!this.sampler) return;
    try {
      this.accumulator.addSnapshot(this.sampler.sample());
    } catch (error) {
      this.errors += 1;
      this.report(error);
    }
  }

  private report(error: unknown): void {
    reportFault(
      {
        code: 'PROFILING_SAMPLE_FAILED',
        component: 'profiling.performanceMonitor',
        message: 'A performance sample failed; the monitor keeps running.',
        error,
      },
      this.onError,
    );
  }
}

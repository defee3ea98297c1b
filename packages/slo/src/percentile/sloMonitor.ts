import { InvalidSampleError, MonitorConfigError } from '@lexigram/monitor-core';
import { AlertingMonitor, type AlertingMonitorOptions } from '../alerting/alertingMonitor.js';
import { sloFault } from '../internal/logger.js';
import { DEFAULT_EXACT_SAMPLES, RollingQuantileWindow } from './rollingQuantileWindow.js';
import { DEFAULT_SLO_WINDOW_MS, SLO, type SLOOptions } from './slo.js';
import { SLOViolation } from './sloViolation.js';
import { toAlert } from './violationAlert.js';

/** Options of {@link SLOMonitor}. */
export interface SLOMonitorOptions extends AlertingMonitorOptions {
  /** Time slots each window is cut into (default 12; a 1 h window moves in 5 min steps). */
  slotsPerWindow?: number;
  /**
   * Relative accuracy of measured percentiles once a window holds more than `exactSamples`
   * samples (default 0.01, i.e. within 1 %).
   */
  relativeAccuracy?: number;
  /** Samples per window kept exactly (default 2048): percentiles are exact up to this many. */
  exactSamples?: number;
  /**
   * Most metric names with samples but no SLO yet (default 1000): samples recorded before
   * `register()` are kept per metric; past the cap new names are dropped, with one warning.
   */
  maxMetrics?: number;
}

/** The current reading of one SLO. */
export interface SLOMeasurement {
  readonly slo: SLO;
  /** The measured percentile in milliseconds. */
  readonly valueMs: number;
  /** `valueMs / slo.thresholdMs`. */
  readonly burnRate: number;
  /** Samples in the window. */
  readonly sampleCount: number;
  /** True when `burnRate` has reached `slo.burnRateThreshold`. */
  readonly violated: boolean;
}

/** Windows kept for one metric, one per distinct window length of its SLOs. */
interface MetricWindows {
  readonly byLength: Map<number, RollingQuantileWindow>;
  list: RollingQuantileWindow[];
  /** False while no SLO was ever registered for the metric (counted against `maxMetrics`). */
  registered: boolean;
}

/**
 * Tracks percentile SLOs: samples go into a rolling, bounded-memory window per metric, and
 * `evaluate()` reports every SLO whose percentile has reached its threshold. Violations are
 * logged as structured warnings, emitted on the `alertFired` hook and, when a dispatcher is set,
 * sent with `sendMetricAlert`.
 *
 * Samples are kept per metric from the first one, as the reference does: an SLO registered later
 * sees what was recorded before (up to `maxMetrics` metric names). Percentiles use the nearest
 * rank (the smallest sample with at least `q·n` samples at or below it): exact while a window
 * holds up to `exactSamples` samples, within `relativeAccuracy` beyond. Windows run on a
 * monotonic clock, so a wall-clock step cannot freeze them; the wall clock only stamps
 * `detectedAt`.
 *
 * @example
 * ```ts
 * const monitor = new SLOMonitor({ dispatcher: new LoggingAlertDispatcher() });
 * monitor.register({ name: 'api.p99', metric: 'http.request.duration', percentile: 0.99, thresholdMs: 200 });
 * monitor.recordSample('http.request.duration', 150);
 * const violations = await monitor.evaluate();
 * ```
 */
export class SLOMonitor extends AlertingMonitor {
  private readonly slos = new Map<string, SLO>();
  private readonly metrics = new Map<string, MetricWindows>();
  private readonly windowOptions: { slots: number; relativeAccuracy: number; exactSamples: number };
  private readonly maxMetrics: number;
  private unregisteredMetrics = 0;
  private warnedAtCap = false;

  constructor(options: SLOMonitorOptions = {}) {
    super(options, 'sloMonitor', 'slo-monitor');
    this.maxMetrics = options.maxMetrics ?? 1000;
    if (!Number.isInteger(this.maxMetrics) || this.maxMetrics < 0) {
      throw new MonitorConfigError(
        [
          {
            path: 'maxMetrics',
            message: `must be an integer >= 0, got ${String(options.maxMetrics)}`,
          },
        ],
        { source: 'SLOMonitor options' },
      );
    }
    this.windowOptions = {
      slots: options.slotsPerWindow ?? 12,
      relativeAccuracy: options.relativeAccuracy ?? 0.01,
      exactSamples: options.exactSamples ?? DEFAULT_EXACT_SAMPLES,
    };
    // Validate the window settings now rather than at the first register().
    new RollingQuantileWindow({ windowMs: 1, ...this.windowOptions });
  }

  /** Registered SLOs keyed by name (a snapshot). */
  get registeredSlos(): ReadonlyMap<string, SLO> {
    return new Map(this.slos);
  }

  /**
   * Register an SLO (an {@link SLO} or its options). A name already registered is a
   * `MonitorConfigError`.
   */
  register(slo: SLO | SLOOptions): SLO {
    const definition = slo instanceof SLO ? slo : new SLO(slo);
    if (this.slos.has(definition.name)) {
      this.duplicateName(definition.name, 'SLOMonitor.register');
    }
    this.slos.set(definition.name, definition);
    let windows = this.metrics.get(definition.metric);
    if (!windows) {
      windows = { byLength: new Map(), list: [], registered: true };
      this.metrics.set(definition.metric, windows);
    } else if (!windows.registered) {
      windows.registered = true;
      this.unregisteredMetrics--;
    }
    if (!windows.byLength.has(definition.windowMs)) {
      const window = new RollingQuantileWindow({
        windowMs: definition.windowMs,
        ...this.windowOptions,
      });
      // Samples recorded before this SLO: taken from the longest window the metric has.
      const longest = windows.list.reduce<RollingQuantileWindow | undefined>(
        (best, w) => (best === undefined || w.windowMs > best.windowMs ? w : best),
        undefined,
      );
      if (longest) window.seedFrom(longest, this.time.monotonic());
      windows.byLength.set(definition.windowMs, window);
    }
    this.dropUnreadWindows(definition.metric, windows);
    return definition;
  }

  /** Once SLOs read a metric, its pre-registration window goes unless one of them reads it. */
  private dropUnreadWindows(metric: string, windows: MetricWindows): void {
    for (const length of windows.byLength.keys()) {
      const read = [...this.slos.values()].some(
        (slo) => slo.metric === metric && slo.windowMs === length,
      );
      if (!read) windows.byLength.delete(length);
    }
    windows.list = [...windows.byLength.values()];
  }

  /** The windows of a metric no SLO reads yet, created at its first sample (under the cap). */
  private adopt(metric: string): MetricWindows | undefined {
    if (this.unregisteredMetrics >= this.maxMetrics) {
      if (!this.warnedAtCap) {
        this.warnedAtCap = true;
        sloFault(
          this.onError,
          'sloMonitor',
          'SAMPLES_DROPPED',
          `SLOMonitor keeps samples of at most ${this.maxMetrics} metrics without an SLO; samples of new ones are dropped. Register SLOs for the metrics you record, or raise maxMetrics.`,
          { metric, maxMetrics: this.maxMetrics },
        );
      }
      return undefined;
    }
    const window = new RollingQuantileWindow({
      windowMs: DEFAULT_SLO_WINDOW_MS,
      ...this.windowOptions,
    });
    const windows: MetricWindows = {
      byLength: new Map([[DEFAULT_SLO_WINDOW_MS, window]]),
      list: [window],
      registered: false,
    };
    this.metrics.set(metric, windows);
    this.unregisteredMetrics++;
    return windows;
  }

  /** Remove an SLO; its samples go too unless another SLO reads the same metric and window. */
  unregister(name: string): boolean {
    const slo = this.slos.get(name);
    if (!slo) return false;
    this.slos.delete(name);
    const stillRead = [...this.slos.values()].some(
      (other) => other.metric === slo.metric && other.windowMs === slo.windowMs,
    );
    const windows = this.metrics.get(slo.metric);
    if (windows && !stillRead) {
      windows.byLength.delete(slo.windowMs);
      windows.list = [...windows.byLength.values()];
      if (windows.list.length === 0) this.metrics.delete(slo.metric);
    }
    return true;
  }

  /**
   * Record one measurement of `metric` in milliseconds. Hot path: a map lookup and a sketch
   * update per window, no I/O, no allocation. A value that is not a finite number >= 0 throws
   * `InvalidSampleError`.
   */
  recordSample(metric: string, valueMs: number): void {
    if (typeof valueMs !== 'number' || !(valueMs >= 0 && valueMs !== Number.POSITIVE_INFINITY)) {
      throw new InvalidSampleError(
        `recordSample(${JSON.stringify(metric)}, ${String(valueMs)}): a sample must be a finite number of milliseconds >= 0`,
      );
    }
    const windows = this.metrics.get(metric) ?? this.adopt(metric);
    if (!windows) return;
    const now = this.time.monotonic();
    const list = windows.list;
    for (let i = 0; i < list.length; i++) list[i]!.record(valueMs, now);
  }

  /** Forget recorded samples: of `metric` only, or of every metric. SLOs stay registered. */
  clear(metric?: string): void {
    if (metric === undefined) {
      for (const windows of this.metrics.values()) windows.list.forEach((w) => w.clear());
    } else {
      this.metrics.get(metric)?.list.forEach((w) => w.clear());
    }
  }

  /** The current reading of the SLO called `name`; undefined when unknown or without samples. */
  measure(name: string): SLOMeasurement | undefined {
    const slo = this.slos.get(name);
    return slo ? this.measureSlo(slo, this.time.monotonic()) : undefined;
  }

  /**
   * Evaluate every SLO against its window. Returns one {@link SLOViolation} per SLO whose
   * measured / threshold ratio has reached its `burnRateThreshold`; an empty list when all are
   * within bounds or no samples were recorded. Each violation is logged, emitted and dispatched
   * before this resolves; a failing dispatcher is logged, never thrown.
   */
  async evaluate(): Promise<SLOViolation[]> {
    const now = this.time.monotonic();
    const detectedAt = new Date(this.time.wall());
    const violations: SLOViolation[] = [];
    for (const slo of this.slos.values()) {
      const reading = this.measureSlo(slo, now);
      if (reading?.violated) {
        violations.push(
          new SLOViolation({
            slo,
            measuredValueMs: reading.valueMs,
            sampleCount: reading.sampleCount,
            detectedAt,
          }),
        );
      }
    }
    await this.notifier.notifyAll(violations.map(toAlert));
    return violations;
  }

  private measureSlo(slo: SLO, now: number): SLOMeasurement | undefined {
    const window = this.metrics.get(slo.metric)?.byLength.get(slo.windowMs);
    const reading = window?.quantile(slo.percentile, now);
    if (!reading) return undefined;
    const burnRate = reading.value / slo.thresholdMs;
    return {
      slo,
      valueMs: reading.value,
      burnRate,
      sampleCount: reading.count,
      violated: burnRate >= slo.burnRateThreshold,
    };
  }
}

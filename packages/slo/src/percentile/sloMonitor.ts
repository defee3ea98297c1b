import { InvalidSampleError } from '@lexigram/monitor-core';
import { AlertingMonitor, type AlertingMonitorOptions } from '../alerting/alertingMonitor.js';
import type { RaisedAlert } from '../alerting/alertNotifier.js';
import { systemClock, type Clock } from '../internal/clock.js';
import { RollingQuantileWindow } from './rollingQuantileWindow.js';
import { SLO, type SLOOptions } from './slo.js';
import { SLOViolation } from './sloViolation.js';

/** Options of {@link SLOMonitor}. */
export interface SLOMonitorOptions extends AlertingMonitorOptions {
  /** Time slots each window is cut into (default 12; a 1 h window moves in 5 min steps). */
  slotsPerWindow?: number;
  /** Relative accuracy of measured percentiles (default 0.01, i.e. within 1 %). */
  relativeAccuracy?: number;
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
}

/**
 * Tracks percentile SLOs: samples go into a rolling, bounded-memory window per metric, and
 * `evaluate()` reports every SLO whose percentile has reached its threshold. Violations are
 * logged as structured warnings, emitted on the `alertFired` hook and, when a dispatcher is set,
 * sent with `sendMetricAlert`.
 *
 * Samples are kept only for metrics some registered SLO reads (nothing else would look at them),
 * so register before recording.
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
  private readonly clock: Clock;
  private readonly windowOptions: { slots: number; relativeAccuracy: number };

  constructor(options: SLOMonitorOptions = {}) {
    super(options, 'sloMonitor', 'slo-monitor');
    this.clock = options.clock ?? systemClock;
    this.windowOptions = {
      slots: options.slotsPerWindow ?? 12,
      relativeAccuracy: options.relativeAccuracy ?? 0.01,
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
      windows = { byLength: new Map(), list: [] };
      this.metrics.set(definition.metric, windows);
    }
    if (!windows.byLength.has(definition.windowMs)) {
      windows.byLength.set(
        definition.windowMs,
        new RollingQuantileWindow({ windowMs: definition.windowMs, ...this.windowOptions }),
      );
      windows.list = [...windows.byLength.values()];
    }
    return definition;
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
    const windows = this.metrics.get(metric);
    if (!windows) return;
    const now = this.clock();
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
    return slo ? this.measureSlo(slo, this.clock()) : undefined;
  }

  /**
   * Evaluate every SLO against its window. Returns one {@link SLOViolation} per SLO whose
   * measured / threshold ratio has reached its `burnRateThreshold`; an empty list when all are
   * within bounds or no samples were recorded. Each violation is logged, emitted and dispatched
   * before this resolves; a failing dispatcher is logged, never thrown.
   */
  async evaluate(): Promise<SLOViolation[]> {
    const now = this.clock();
    const detectedAt = new Date(now);
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

function toAlert(violation: SLOViolation): RaisedAlert {
  const { slo } = violation;
  const context = {
    slo: slo.name,
    percentile: slo.percentile,
    windowMs: slo.windowMs,
    burnRate: violation.burnRate,
    burnRateThreshold: slo.burnRateThreshold,
    sampleCount: violation.sampleCount,
    detectedAt: violation.detectedAt.toISOString(),
    message: violation.message,
  };
  return {
    alertName: slo.name,
    severity: violation.severity,
    message: violation.message,
    level: 'warn',
    fields: {
      slo: slo.name,
      metric: slo.metric,
      percentile: slo.percentile,
      measuredValueMs: violation.measuredValueMs,
      thresholdMs: slo.thresholdMs,
      burnRate: violation.burnRate,
      windowMs: slo.windowMs,
      sampleCount: violation.sampleCount,
    },
    context: { ...context, metric: slo.metric },
    send: (dispatcher) =>
      dispatcher.sendMetricAlert(slo.metric, violation.measuredValueMs, slo.thresholdMs, context),
  };
}

import type { AlertSeverity } from '@lexigram/monitor-core';
import { formatDurationMs, formatNumber, percentileLabel } from '../internal/format.js';
import { metricAlertSeverity } from '../alerting/severity.js';
import type { SLO } from './slo.js';

/** What an {@link SLOViolation} is built from. */
export interface SLOViolationInit {
  /** The SLO that was violated. */
  readonly slo: SLO;
  /** The measured percentile, in milliseconds. */
  readonly measuredValueMs: number;
  /** When it was detected; default now. */
  readonly detectedAt?: Date;
  /** Summary; generated from the other fields when empty. */
  readonly message?: string;
  /** How many samples the measurement covered. */
  readonly sampleCount?: number;
}

/**
 * A detected breach of a percentile {@link SLO}: the measured value, the burn rate
 * (measured / threshold), when it was seen and a readable message.
 */
export class SLOViolation {
  /** The SLO that was violated. */
  readonly slo: SLO;
  /** The percentile value that reached the threshold, in milliseconds. */
  readonly measuredValueMs: number;
  /** `measuredValueMs / slo.thresholdMs` at detection. */
  readonly burnRate: number;
  /** When the violation was detected. */
  readonly detectedAt: Date;
  /** Human-readable summary. */
  readonly message: string;
  /** Samples in the window when it was measured (0 when unknown). */
  readonly sampleCount: number;
  /** `high` when the measured value is over twice the threshold, else `medium`. */
  readonly severity: AlertSeverity;

  constructor(init: SLOViolationInit) {
    const { slo, measuredValueMs } = init;
    this.slo = slo;
    this.measuredValueMs = measuredValueMs;
    this.burnRate = measuredValueMs / slo.thresholdMs;
    this.detectedAt = init.detectedAt ?? new Date();
    this.sampleCount = init.sampleCount ?? 0;
    this.severity = metricAlertSeverity(measuredValueMs, slo.thresholdMs);
    this.message =
      init.message && init.message.length > 0
        ? init.message
        : `SLO ${slo.name} violated: ${percentileLabel(slo.percentile)} of ${slo.metric} is ` +
          `${formatNumber(measuredValueMs)} ms over the last ${formatDurationMs(slo.windowMs)}, ` +
          `threshold ${formatNumber(slo.thresholdMs)} ms (burn rate ${formatNumber(this.burnRate)}x, ` +
          `alerting at ${formatNumber(slo.burnRateThreshold)}x)`;
    Object.freeze(this);
  }
}

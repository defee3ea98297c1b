import type { RaisedAlert } from '../alerting/alertNotifier.js';
import type { SLOViolation } from './sloViolation.js';

/** The alert an SLO violation raises: log fields, hook context, and `sendMetricAlert`. */
export function toAlert(violation: SLOViolation): RaisedAlert {
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

import type { AlertSeverity } from '@lexigram/monitor-core';
import { metricAlertSeverity } from '../alerting/severity.js';

/** One alert as a webhook dispatcher queues and renders it. */
export interface AlertRecord {
  /** `alert` from `sendAlert`, `metric` from `sendMetricAlert`. */
  readonly kind: 'alert' | 'metric';
  /** Short title; stable across repeats of the same alert. */
  readonly title: string;
  /** Detailed message. */
  readonly message: string;
  readonly severity: AlertSeverity;
  readonly context: Readonly<Record<string, unknown>>;
  /** Metric alerts only. */
  readonly metricName?: string;
  readonly currentValue?: number;
  readonly threshold?: number;
  /** When the dispatcher received it. */
  readonly createdAt: Date;
}

/** Build the record of a `sendAlert` call. */
export function freeFormAlert(
  title: string,
  message: string,
  severity: AlertSeverity,
  context: Readonly<Record<string, unknown>> | undefined,
  nowMs: number,
): AlertRecord {
  return {
    kind: 'alert',
    title: String(title),
    message: String(message),
    severity: String(severity),
    context: context ?? {},
    createdAt: new Date(nowMs),
  };
}

/**
 * Build the record of a `sendMetricAlert` call. Its severity follows the logging rule (over
 * 100 % past the threshold is `high`, else `medium`); a string `context.slo` names the SLO in the
 * title, and a string `context.message` is used as the message.
 */
export function metricAlert(
  metricName: string,
  currentValue: number,
  threshold: number,
  context: Readonly<Record<string, unknown>> | undefined,
  nowMs: number,
): AlertRecord {
  const ctx = context ?? {};
  const slo = typeof ctx.slo === 'string' ? ctx.slo : undefined;
  return {
    kind: 'metric',
    title: slo
      ? `SLO ${slo} violated (${metricName})`
      : `Metric ${metricName} breached its threshold`,
    message:
      typeof ctx.message === 'string'
        ? ctx.message
        : `${metricName} is ${currentValue}, threshold ${threshold}`,
    severity: metricAlertSeverity(currentValue, threshold),
    context: ctx,
    metricName: String(metricName),
    currentValue,
    threshold,
    createdAt: new Date(nowMs),
  };
}

/**
 * Default de-duplication key: the kind, title and severity. Titles carry no numbers, so repeats
 * of one alert share a key, while an escalation (say medium to high) gets through.
 */
export function defaultDedupKey(alert: AlertRecord): string {
  return `${alert.kind}|${alert.title}|${String(alert.severity)}`;
}

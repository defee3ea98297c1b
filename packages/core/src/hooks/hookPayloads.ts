import type { HealthStatus } from '../model/healthStatus.js';
import type { Labels } from '../model/labels.js';
import type { MetricType } from '../model/metricType.js';

/** Fired when a metric data point is recorded (only built when someone listens). */
export interface MetricRecordedHook {
  /** Name of the metric being recorded. */
  readonly metricName: string;
  /** Numeric value of the data point. */
  readonly value: number;
  /** Instrument kind. */
  readonly metricType: MetricType;
  /** Labels of the observation (constant labels not included). */
  readonly labels: Labels;
}

/** Fired when a monitoring alert is triggered. */
export interface AlertFiredHook {
  /** Name of the alert rule that fired. */
  readonly alertName: string;
  /** Severity level, e.g. `warning`, `critical`. */
  readonly severity: string;
  /** The alert's message. */
  readonly message?: string | undefined;
  /** Extra context sent with the alert. */
  readonly context?: Readonly<Record<string, unknown>> | undefined;
}

/** Fired after a health check probe completes. */
export interface HealthCheckRunHook {
  /** Name of the health check that ran. */
  readonly checkName: string;
  /** True if the check passed (status healthy). */
  readonly healthy: boolean;
  /** The check's status. */
  readonly status: HealthStatus;
  /** How long it took. */
  readonly durationMs: number;
}

/** Every hook and its payload type. */
export interface MonitorHookPayloads {
  metricRecorded: MetricRecordedHook;
  alertFired: AlertFiredHook;
  healthCheckRun: HealthCheckRunHook;
}

import type { MonitorErrorCode } from './errorCodes.js';
import { MonitorError, type MonitorErrorOptions } from './monitorError.js';

/** A metric was looked up by name and does not exist. */
export class MetricNotFoundError extends MonitorError {
  static override readonly code: MonitorErrorCode = 'METRIC_NOT_FOUND';

  /** The name that was looked up. */
  readonly metricName: string;

  constructor(metricName: string, options: MonitorErrorOptions & { message?: string } = {}) {
    super(
      options.message ??
        `Metric "${metricName}" is not registered: create it first (createCounter / createGauge / createHistogram / createSummary) or check the name and prefix.`,
      options,
    );
    this.metricName = metricName;
  }
}

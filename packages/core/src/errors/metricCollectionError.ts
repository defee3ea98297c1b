import type { MonitorErrorCode } from './errorCodes.js';
import { MonitorError, type MonitorErrorOptions } from './monitorError.js';

/**
 * One metric could not be collected: its gauge callback threw, rejected, or did not settle
 * within the collector's time budget. Reported (never thrown) by `collect()`, which leaves that
 * metric out and returns every other one.
 */
export class MetricCollectionError extends MonitorError {
  static override readonly code: MonitorErrorCode = 'METRIC_COLLECTION_FAILED';

  /** Name of the metric left out. */
  readonly metricName: string;
  /** True when the callback ran out of time (rather than failing). */
  readonly timedOut: boolean;

  constructor(
    metricName: string,
    message: string,
    options: MonitorErrorOptions & { timedOut?: boolean } = {},
  ) {
    super(message, options);
    this.metricName = metricName;
    this.timedOut = options.timedOut ?? false;
  }
}

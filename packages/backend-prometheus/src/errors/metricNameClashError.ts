import { MonitorError, type MonitorErrorCode } from '@lexigram/monitor-core';

/**
 * Two metrics would be served under one Prometheus name, e.g. one of ours and one of
 * prom-client's default metrics. Raised at start instead of serving a duplicate family.
 */
export class MetricNameClashError extends MonitorError {
  static override readonly code: MonitorErrorCode = 'METRIC_NAME_CLASH';

  /** The Prometheus names used twice. */
  readonly names: readonly string[];

  constructor(names: readonly string[]) {
    super(
      `These Prometheus metric names are used by both your metrics and prom-client's default metrics: ${names.join(', ')}. Rename yours, or set enableDefaultMetrics: false.`,
    );
    this.names = names;
  }
}

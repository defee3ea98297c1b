/** Alert severities the built-in dispatchers know; any other string is accepted. */

export type AlertSeverity = 'low' | 'medium' | 'high' | 'critical' | (string & {});

/** Routes operational alerts to a channel (log, Slack, PagerDuty, ...). */
export interface AlertDispatcherProtocol {
  /** Send a free-form alert. Implementations never reject for a delivery fault. */
  sendAlert(
    title: string,
    message: string,
    severity: AlertSeverity,
    context?: Readonly<Record<string, unknown>>,
  ): Promise<void>;
  /** Send an alert for a metric that breached its threshold. */
  sendMetricAlert(
    metricName: string,
    currentValue: number,
    threshold: number,
    context?: Readonly<Record<string, unknown>>,
  ): Promise<void>;
}

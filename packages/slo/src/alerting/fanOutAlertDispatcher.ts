import type { AlertDispatcherProtocol, AlertSeverity } from '@lexigram/monitor-core';

/**
 * Sends every alert to several dispatchers at once (e.g. the log and Slack). One dispatcher that
 * fails or rejects does not stop the others, and the caller never sees the rejection.
 *
 * @example
 * ```ts
 * const dispatcher = new FanOutAlertDispatcher([new LoggingAlertDispatcher(), slack]);
 * ```
 */
export class FanOutAlertDispatcher implements AlertDispatcherProtocol {
  private readonly targets: readonly AlertDispatcherProtocol[];

  constructor(
    targets: readonly AlertDispatcherProtocol[],
    private readonly onError: (error: unknown, target: AlertDispatcherProtocol) => void = () => {},
  ) {
    this.targets = [...targets];
  }

  /** The dispatchers alerts go to. */
  get dispatchers(): readonly AlertDispatcherProtocol[] {
    return this.targets;
  }

  /** Send a free-form alert to every dispatcher. */
  async sendAlert(
    title: string,
    message: string,
    severity: AlertSeverity,
    context?: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    await this.each((d) => d.sendAlert(title, message, severity, context));
  }

  /** Send a metric-threshold alert to every dispatcher. */
  async sendMetricAlert(
    metricName: string,
    currentValue: number,
    threshold: number,
    context?: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    await this.each((d) => d.sendMetricAlert(metricName, currentValue, threshold, context));
  }

  private async each(send: (d: AlertDispatcherProtocol) => Promise<void>): Promise<void> {
    const results = await Promise.allSettled(
      this.targets.map((d) => Promise.resolve().then(() => send(d))),
    );
    results.forEach((result, i) => {
      if (result.status === 'rejected') this.safeOnError(result.reason, this.targets[i]!);
    });
  }

  private safeOnError(error: unknown, target: AlertDispatcherProtocol): void {
    try {
      this.onError(error, target);
    } catch {
      // The error callback is the last line of defence; nothing more to do if it throws too.
    }
  }
}

import type { AlertDispatcherProtocol, AlertSeverity } from '@lexigram/monitor-core';
import { formatNumber } from '../internal/format.js';
import { componentLogger, type LoggerOptions, type SloLogger } from '../internal/logger.js';
import { breachRatio, severityLogLevel } from './severity.js';

/** Options of {@link LoggingAlertDispatcher}. */
export type LoggingAlertDispatcherOptions = LoggerOptions;

/**
 * Writes alerts to a structured (pino) logger; always available, no external service. The
 * default dispatcher when nothing else is configured.
 *
 * - `sendAlert`: `low` / `medium` at warn, `high` / `critical` at error.
 * - `sendMetricAlert`: warn, unless the value is more than 100 % of the threshold away from it,
 *   then error.
 *
 * The context's entries become fields of the log record (the alert's own fields win a clash).
 *
 * @example
 * ```ts
 * const dispatcher = new LoggingAlertDispatcher({ logger: app.log });
 * await dispatcher.sendMetricAlert('http.p99_ms', 450, 200, { route: '/orders' }); // error
 * ```
 */
export class LoggingAlertDispatcher implements AlertDispatcherProtocol {
  private readonly log: () => SloLogger;

  constructor(options: LoggingAlertDispatcherOptions = {}) {
    this.log = componentLogger(options, 'alerts');
  }

  /** Log a free-form alert at the level its severity calls for. */
  async sendAlert(
    title: string,
    message: string,
    severity: AlertSeverity,
    context?: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const level = severityLogLevel(severity);
    this.log()[level]({ ...context, alert: title, severity }, `${title}: ${message}`);
  }

  /** Log a metric-threshold alert: warn, or error when the breach is over 100 %. */
  async sendMetricAlert(
    metricName: string,
    currentValue: number,
    threshold: number,
    context?: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const breach = breachRatio(currentValue, threshold);
    const level = breach > 1 ? 'error' : 'warn';
    this.log()[level](
      {
        ...context,
        metric: metricName,
        currentValue,
        threshold,
        breachPercent: Number.isFinite(breach) ? Math.round(breach * 1000) / 10 : null,
      },
      `Metric ${metricName} breached its threshold: ${formatNumber(currentValue, 3)} (threshold ${formatNumber(threshold, 3)})`,
    );
  }
}

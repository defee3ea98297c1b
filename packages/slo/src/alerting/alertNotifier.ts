import type {
  AlertDispatcherProtocol,
  AlertSeverity,
  HookBus,
  MonitorFaultHandler,
} from '@lexigram/monitor-core';
import { sloFault, type SloLogger } from '../internal/logger.js';
import type { AlertLogLevel } from './severity.js';

/** One alert, as a monitor raises it. */
export interface RaisedAlert {
  /** Name of the rule that fired (the SLO's name, or `slo/rule`). */
  readonly alertName: string;
  readonly severity: AlertSeverity;
  readonly message: string;
  /** Level of the structured log record. */
  readonly level: AlertLogLevel;
  /** Fields of the log record. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Context sent with the hook and to the dispatcher. */
  readonly context: Readonly<Record<string, unknown>>;
  /** Hands the alert to a dispatcher. */
  readonly send: (dispatcher: AlertDispatcherProtocol) => Promise<void>;
}

/**
 * What every monitor does with an alert: a structured log record, the `alertFired` hook, and the
 * dispatcher when one is set. A dispatcher that throws or rejects is reported as an
 * `ALERT_DISPATCH_FAILED` fault, never propagated: evaluating SLOs must not fail because Slack is
 * down.
 */
export class AlertNotifier {
  private readonly log: () => SloLogger;

  constructor(
    log: SloLogger | (() => SloLogger),
    private readonly hooks: HookBus,
    public dispatcher: AlertDispatcherProtocol | undefined,
    private readonly onError?: MonitorFaultHandler,
    private readonly component = 'alertNotifier',
  ) {
    this.log = typeof log === 'function' ? log : () => log;
  }

  /** Log, emit and dispatch every alert; dispatches run concurrently. */
  async notifyAll(alerts: readonly RaisedAlert[]): Promise<void> {
    const dispatcher = this.dispatcher;
    const sends: Promise<void>[] = [];
    for (const alert of alerts) {
      this.log()[alert.level](alert.fields, alert.message);
      if (this.hooks.alertFired.active) {
        this.hooks.alertFired.emit({
          alertName: alert.alertName,
          severity: alert.severity,
          message: alert.message,
          context: alert.context,
        });
      }
      if (dispatcher) sends.push(this.dispatch(dispatcher, alert));
    }
    await Promise.all(sends);
  }

  private async dispatch(dispatcher: AlertDispatcherProtocol, alert: RaisedAlert): Promise<void> {
    try {
      await alert.send(dispatcher);
    } catch (error) {
      sloFault(
        this.onError,
        this.component,
        'ALERT_DISPATCH_FAILED',
        'alert dispatcher failed',
        { alert: alert.alertName },
        error,
      );
    }
  }
}

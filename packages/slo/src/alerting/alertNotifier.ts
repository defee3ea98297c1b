import type {
  AlertDispatcherProtocol,
  AlertSeverity,
  HookBus,
  MonitorFaultHandler,
} from '@lexigram/monitor-core';
import { withTimeout } from '@lexigram/monitor-core/internal';
import { sloFault, type SloLogger } from '../internal/logger.js';
import type { AlertLogLevel } from './severity.js';

/** Default bound of one dispatch: past it the send is abandoned and reported. */
export const DEFAULT_DISPATCH_TIMEOUT_MS = 10_000;

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
 * dispatcher when one is set. A dispatcher that throws, rejects or does not answer within
 * `dispatchTimeoutMs` is reported as an `ALERT_DISPATCH_FAILED` fault, never propagated:
 * evaluating SLOs must not fail, or stop, because Slack is down. A logger or hook listener that
 * throws is ignored for the same reason.
 */
export class AlertNotifier {
  private readonly log: () => SloLogger;

  constructor(
    log: SloLogger | (() => SloLogger),
    private readonly hooks: HookBus,
    public dispatcher: AlertDispatcherProtocol | undefined,
    private readonly onError?: MonitorFaultHandler,
    private readonly component = 'alertNotifier',
    private readonly dispatchTimeoutMs = DEFAULT_DISPATCH_TIMEOUT_MS,
  ) {
    this.log = typeof log === 'function' ? log : () => log;
  }

  /** Log, emit and dispatch every alert; dispatches run concurrently. */
  async notifyAll(alerts: readonly RaisedAlert[]): Promise<void> {
    const dispatcher = this.dispatcher;
    const sends: Promise<void>[] = [];
    for (const alert of alerts) {
      try {
        this.log()[alert.level](alert.fields, alert.message);
      } catch {
        // A logger that throws (a sync destination hitting EAGAIN) must not stop alerting.
      }
      if (this.hooks.alertFired.active) {
        try {
          this.hooks.alertFired.emit({
            alertName: alert.alertName,
            severity: alert.severity,
            message: alert.message,
            context: alert.context,
          });
        } catch {
          // Same for a hook listener: the dispatch below still happens.
        }
      }
      if (dispatcher) sends.push(this.dispatch(dispatcher, alert));
    }
    await Promise.all(sends);
  }

  private async dispatch(dispatcher: AlertDispatcherProtocol, alert: RaisedAlert): Promise<void> {
    // An async function turns a synchronous throw of `send` into a rejection.
    const sent = (async () => alert.send(dispatcher))();
    const outcome = await withTimeout(sent, this.dispatchTimeoutMs);
    if (outcome.status === 'fulfilled') return;
    const timedOut = outcome.status === 'timedOut';
    sloFault(
      this.onError,
      this.component,
      'ALERT_DISPATCH_FAILED',
      timedOut
        ? `alert dispatcher did not answer within ${this.dispatchTimeoutMs} ms; the send was abandoned`
        : 'alert dispatcher failed',
      { alert: alert.alertName, ...(timedOut ? { timeoutMs: this.dispatchTimeoutMs } : {}) },
      timedOut ? undefined : outcome.reason,
    );
  }
}

import type { AlertDispatcherProtocol, AlertSeverity, HookBus } from '@lexigram/monitor-core';
import { withTimeout } from '@lexigram/monitor-core/internal';
import type { SloLogger } from '../internal/logger.js';
import type { AlertLogLevel } from './severity.js';

/** Default bound of one dispatch: past it the send is abandoned and logged. */
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
 * `dispatchTimeoutMs` is logged, never propagated: evaluating SLOs must not fail, or stop,
 * because Slack is down. The log calls are guarded too (a logger that throws is ignored).
 */
export class AlertNotifier {
  constructor(
    private readonly log: SloLogger,
    private readonly hooks: HookBus,
    public dispatcher: AlertDispatcherProtocol | undefined,
    private readonly dispatchTimeoutMs = DEFAULT_DISPATCH_TIMEOUT_MS,
  ) {}

  /** Log, emit and dispatch every alert; dispatches run concurrently, each bounded. */
  async notifyAll(alerts: readonly RaisedAlert[]): Promise<void> {
    const dispatcher = this.dispatcher;
    const sends: Promise<void>[] = [];
    for (const alert of alerts) {
      this.safeLog(alert.level, alert.fields, alert.message);
      if (this.hooks.alertFired.active) {
        try {
          this.hooks.alertFired.emit({
            alertName: alert.alertName,
            severity: alert.severity,
            message: alert.message,
            context: alert.context,
          });
        } catch {
          // A hook listener's failure must not stop the dispatch below.
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
    if (outcome.status === 'rejected') {
      this.safeLog(
        'error',
        { err: outcome.reason, alert: alert.alertName },
        'alert dispatcher failed',
      );
    } else if (outcome.status === 'timedOut') {
      this.safeLog(
        'error',
        { alert: alert.alertName, timeoutMs: this.dispatchTimeoutMs },
        `alert dispatcher did not answer within ${this.dispatchTimeoutMs} ms; the send was abandoned`,
      );
    }
  }

  private safeLog(level: AlertLogLevel, fields: Record<string, unknown>, message: string): void {
    try {
      this.log[level](fields, message);
    } catch {
      // A logger that throws (a sync destination hitting EAGAIN) must not break alerting.
    }
  }
}

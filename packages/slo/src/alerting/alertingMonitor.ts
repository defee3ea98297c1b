import {
  MonitorConfigError,
  monitorHooks,
  type AlertDispatcherProtocol,
  type HookBus,
  type MonitorFaultHandler,
} from '@lexigram/monitor-core';
import { BackgroundLoop, runWithDeadline, type Scheduler } from '@lexigram/monitor-core/internal';
import type { Clock } from '../internal/clock.js';
import {
  componentLogger,
  faultSink,
  sloFault,
  type LoggerOptions,
  type SloLogger,
} from '../internal/logger.js';
import { AlertNotifier } from './alertNotifier.js';

/** Options every SLO monitor accepts. */
export interface AlertingMonitorOptions extends LoggerOptions {
  /** Where alerts are sent (e.g. a `LoggingAlertDispatcher`); none by default. */
  dispatcher?: AlertDispatcherProtocol;
  /** Time source; default `Date.now`. */
  clock?: Clock;
  /** Hook bus the `alertFired` hook is emitted on; default core's `monitorHooks`. */
  hooks?: HookBus;
  /** Timer source of `start()`'s loop (tests pass a fake). Default: unref'd Node timers. */
  scheduler?: Scheduler;
  /** Deadline of `shutdown()` in ms. Default 30000. */
  shutdownTimeoutMs?: number;
}

/**
 * What the SLO monitors share: the alert notifier and its dispatcher, the background evaluation
 * loop (`start`, `shutdown`, `stop`), fault reporting and the duplicate-name check.
 */
export abstract class AlertingMonitor {
  protected readonly log: () => SloLogger;
  protected readonly onError: MonitorFaultHandler | undefined;
  protected readonly notifier: AlertNotifier;
  private readonly loop: BackgroundLoop;
  private readonly shutdownTimeoutMs: number | undefined;

  protected constructor(
    options: AlertingMonitorOptions,
    private readonly component: string,
    logName: string,
  ) {
    this.log = componentLogger(options, logName);
    this.onError = faultSink(options, this.log);
    this.shutdownTimeoutMs = options.shutdownTimeoutMs;
    this.notifier = new AlertNotifier(
      this.log,
      options.hooks ?? monitorHooks,
      options.dispatcher,
      this.onError,
      component,
    );
    this.loop = new BackgroundLoop({
      run: () => this.evaluate(),
      onError: (error) =>
        sloFault(
          this.onError,
          component,
          'EVALUATION_FAILED',
          `scheduled ${logName === 'slo-monitor' ? 'SLO' : 'error-budget'} evaluation failed`,
          undefined,
          error,
        ),
      component: `slo.${component}`,
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    });
  }

  /** Evaluate now; what the background loop runs. */
  abstract evaluate(): Promise<unknown>;

  /** The dispatcher alerts are sent to, if any. */
  get dispatcher(): AlertDispatcherProtocol | undefined {
    return this.notifier.dispatcher;
  }

  set dispatcher(dispatcher: AlertDispatcherProtocol | undefined) {
    this.notifier.dispatcher = dispatcher;
  }

  /** Evaluate every `intervalMs` in the background (unref'd timer, one run at a time). */
  start(intervalMs: number): void {
    this.loop.start(intervalMs);
  }

  /**
   * Stop the background evaluation and wait, at most `shutdownTimeoutMs`, for a run in flight.
   * Safe to call twice; never rejects. `start()` may be called again afterwards.
   */
  shutdown(): Promise<void> {
    return runWithDeadline(() => this.loop.stop(), {
      component: `slo.${this.component}`,
      ...(this.shutdownTimeoutMs === undefined ? {} : { timeoutMs: this.shutdownTimeoutMs }),
      ...(this.onError ? { onError: this.onError } : {}),
    });
  }

  /** Stop the background evaluation; the same as `shutdown()`. */
  stop(): Promise<void> {
    return this.shutdown();
  }

  /** Throw the error for registering a name twice. */
  protected duplicateName(name: string, source: string): never {
    throw new MonitorConfigError(
      [
        {
          path: 'name',
          message: `an SLO named ${JSON.stringify(name)} is already registered; choose another name or unregister it first`,
        },
      ],
      { source },
    );
  }
}

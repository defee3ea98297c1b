import {
  MonitorConfigError,
  monitorHooks,
  type AlertDispatcherProtocol,
  type HookBus,
  type MonitorFaultHandler,
} from '@lexigram/monitor-core';
import {
  AlertNotifier,
  DEFAULT_DISPATCH_TIMEOUT_MS,
  type RaisedAlert,
} from '../alerting/alertNotifier.js';
import { severityLogLevel } from '../alerting/severity.js';
import { timeSource, type ClockOptions, type TimeSource } from '../internal/clock.js';
import {
  componentLogger,
  faultSink,
  sloFault,
  type LoggerOptions,
  type SloLogger,
} from '../internal/logger.js';
import {
  BackgroundLoop,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  runWithDeadline,
  validateDurationMs,
  type Scheduler,
} from '@lexigram/monitor-core/internal';
import type { BurnRateAlert, ErrorBudget } from './burnRateAlert.js';
import { ErrorBudgetTracker } from './errorBudgetTracker.js';
import { RatioSLO, type RatioSLOOptions } from './ratioSlo.js';
import type { EventCounterTiers } from './twoTierEventCounter.js';

/** Options of {@link ErrorBudgetMonitor}. */
export interface ErrorBudgetMonitorOptions extends LoggerOptions, ClockOptions {
  /** Where firing burn-rate rules are sent with `sendAlert`; none by default. */
  dispatcher?: AlertDispatcherProtocol;
  /** Bound of one dispatch (default 10000): past it the send is abandoned and reported. */
  dispatchTimeoutMs?: number;
  /** Timer source of `start()`'s loop (tests pass a fake). Default: unref'd Node timers. */
  scheduler?: Scheduler;
  /** Deadline of `shutdown()` in ms. Default 30000. */
  shutdownTimeoutMs?: number;
  /** Slot layout of every SLO's event counter. */
  tiers?: Partial<EventCounterTiers>;
  /** Hook bus the `alertFired` hook is emitted on; default core's `monitorHooks`. */
  hooks?: HookBus;
}

/**
 * Error-budget SLOs with multi-window, multi-burn-rate alerting (Google SRE Workbook). Register
 * a {@link RatioSLO}, count events through the {@link ErrorBudgetTracker} it returns, and
 * `evaluate()` (or `start(intervalMs)`) reports every rule whose long and short windows both burn
 * the budget at its rate. Each firing rule is logged (error for pages, warn for tickets), emitted
 * on the `alertFired` hook and sent to the dispatcher.
 *
 * @example
 * ```ts
 * const budgets = new ErrorBudgetMonitor({ dispatcher });
 * const checkout = budgets.register({ name: 'checkout', objective: 0.999 });
 * checkout.record(res.ok);
 * budgets.start(60_000);
 * ```
 */
export class ErrorBudgetMonitor {
  private readonly trackers = new Map<string, ErrorBudgetTracker>();
  private readonly time: TimeSource;
  private readonly tiers: Partial<EventCounterTiers> | undefined;
  private readonly log: () => SloLogger;
  private readonly onError: MonitorFaultHandler | undefined;
  private readonly shutdownTimeoutMs: number;
  private readonly notifier: AlertNotifier;
  private readonly loop: BackgroundLoop;

  constructor(options: ErrorBudgetMonitorOptions = {}) {
    this.time = timeSource(options);
    this.tiers = options.tiers;
    this.log = componentLogger(options, 'error-budget-monitor');
    this.onError = faultSink(options, this.log);
    this.shutdownTimeoutMs = validateDurationMs(options.shutdownTimeoutMs, 'shutdownTimeoutMs', {
      fallback: DEFAULT_SHUTDOWN_TIMEOUT_MS,
      source: 'ErrorBudgetMonitor options',
    });
    this.notifier = new AlertNotifier(
      this.log,
      options.hooks ?? monitorHooks,
      options.dispatcher,
      this.onError,
      'errorBudgetMonitor',
      validateDurationMs(options.dispatchTimeoutMs, 'dispatchTimeoutMs', {
        fallback: DEFAULT_DISPATCH_TIMEOUT_MS,
        source: 'ErrorBudgetMonitor options',
      }),
    );
    this.loop = new BackgroundLoop({
      run: () => this.evaluate(),
      onError: (error) =>
        sloFault(
          this.onError,
          'errorBudgetMonitor',
          'EVALUATION_FAILED',
          'scheduled error-budget evaluation failed',
          undefined,
          error,
        ),
      component: 'slo.errorBudgetMonitor',
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    });
  }

  /** The dispatcher firing rules are sent to, if any. */
  get dispatcher(): AlertDispatcherProtocol | undefined {
    return this.notifier.dispatcher;
  }

  set dispatcher(dispatcher: AlertDispatcherProtocol | undefined) {
    this.notifier.dispatcher = dispatcher;
  }

  /** Registered SLOs keyed by name (a snapshot). */
  get registeredSlos(): ReadonlyMap<string, RatioSLO> {
    return new Map([...this.trackers].map(([name, t]) => [name, t.slo]));
  }

  /**
   * Register an SLO and return the tracker to count its events with. A name already registered
   * is a `MonitorConfigError`.
   */
  register(slo: RatioSLO | RatioSLOOptions): ErrorBudgetTracker {
    const definition = slo instanceof RatioSLO ? slo : new RatioSLO(slo);
    if (this.trackers.has(definition.name)) {
      throw new MonitorConfigError(
        [
          {
            path: 'name',
            message: `an SLO named ${JSON.stringify(definition.name)} is already registered; choose another name or unregister it first`,
          },
        ],
        { source: 'ErrorBudgetMonitor.register' },
      );
    }
    const tracker = new ErrorBudgetTracker(definition, {
      clock: this.time.wall,
      monotonicClock: this.time.monotonic,
      ...(this.tiers ? { tiers: this.tiers } : {}),
    });
    this.trackers.set(definition.name, tracker);
    return tracker;
  }

  /** Remove an SLO and its counts. */
  unregister(name: string): boolean {
    return this.trackers.delete(name);
  }

  /** The tracker of the SLO called `name`. */
  tracker(name: string): ErrorBudgetTracker | undefined {
    return this.trackers.get(name);
  }

  /** Error budget of the SLO called `name`, now. */
  errorBudget(name: string): ErrorBudget | undefined {
    return this.trackers.get(name)?.errorBudget();
  }

  /** Burn rate of the SLO called `name` over the last `windowMs` (default 1 h). */
  burnRate(name: string, windowMs?: number): number | undefined {
    return this.trackers.get(name)?.burnRate(windowMs);
  }

  /**
   * Check every SLO's burn-rate rules. Returns the rules firing now; each is logged, emitted and
   * dispatched before this resolves (a failing dispatcher is logged, never thrown).
   */
  async evaluate(): Promise<BurnRateAlert[]> {
    const alerts: BurnRateAlert[] = [];
    for (const tracker of this.trackers.values()) alerts.push(...tracker.firingRules());
    await this.notifier.notifyAll(alerts.map(toAlert));
    return alerts;
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
      component: 'slo.errorBudgetMonitor',
      timeoutMs: this.shutdownTimeoutMs,
      ...(this.onError ? { onError: this.onError } : {}),
    });
  }

  /** Stop the background evaluation; the same as {@link ErrorBudgetMonitor.shutdown}. */
  stop(): Promise<void> {
    return this.shutdown();
  }
}

function toAlert(alert: BurnRateAlert): RaisedAlert {
  const { slo, rule, long, short, errorBudget } = alert;
  const context = {
    slo: slo.name,
    rule: rule.name,
    action: rule.action,
    objective: slo.objective,
    burnRateThreshold: rule.burnRate,
    longWindowMs: long.windowMs,
    longBurnRate: long.burnRate,
    shortWindowMs: short.windowMs,
    shortBurnRate: short.burnRate,
    errorBudgetRemaining: errorBudget.remainingRatio,
    detectedAt: alert.detectedAt.toISOString(),
  };
  return {
    alertName: `${slo.name}/${rule.name}`,
    severity: alert.severity,
    message: alert.message,
    level: severityLogLevel(alert.severity),
    fields: { ...context, longBad: long.bad, longTotal: long.total },
    context,
    send: (dispatcher) => dispatcher.sendAlert(alert.title, alert.message, alert.severity, context),
  };
}

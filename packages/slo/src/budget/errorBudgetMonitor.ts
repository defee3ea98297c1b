import type { SloStatusData, SloStatusProtocol } from '@lexigram/monitor-core';
import { AlertingMonitor, type AlertingMonitorOptions } from '../alerting/alertingMonitor.js';
import type { RaisedAlert } from '../alerting/alertNotifier.js';
import { severityLogLevel } from '../alerting/severity.js';
import type { BurnRateAlert, ErrorBudget } from './burnRateAlert.js';
import { ErrorBudgetTracker } from './errorBudgetTracker.js';
import { RatioSLO, type RatioSLOOptions } from './ratioSlo.js';
import { sloStatusOf } from '../status/sloStatus.js';
import type { EventCounterTiers } from './twoTierEventCounter.js';

/** Options of {@link ErrorBudgetMonitor}. */
export interface ErrorBudgetMonitorOptions extends AlertingMonitorOptions {
  /** Slot layout of every SLO's event counter. */
  tiers?: Partial<EventCounterTiers>;
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
export class ErrorBudgetMonitor extends AlertingMonitor implements SloStatusProtocol {
  private readonly trackers = new Map<string, ErrorBudgetTracker>();
  private readonly tiers: Partial<EventCounterTiers> | undefined;

  constructor(options: ErrorBudgetMonitorOptions = {}) {
    super(options, 'errorBudgetMonitor', 'error-budget-monitor');
    this.tiers = options.tiers;
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
      this.duplicateName(definition.name, 'ErrorBudgetMonitor.register');
    }
    const tracker = new ErrorBudgetTracker(definition, {
      clock: this.time.wall,
      monotonicClock: this.time.monotonic,
      ...(this.tiers ? { tiers: this.tiers } : {}),
    });
    this.trackers.set(definition.name, tracker);
    return tracker;
  }

  /** Every SLO's budget left and burn rates now (core's `SloStatusProtocol`, for dashboards). */
  getSloStatus(): SloStatusData[] {
    return [...this.trackers.values()].map(sloStatusOf);
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

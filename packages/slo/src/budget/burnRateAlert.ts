import type { AlertSeverity } from '@lexigram/monitor-core';
import { formatDurationMs, formatNumber } from '../internal/format.js';
import type { BurnRateRule } from './burnRateRule.js';
import type { RatioSLO } from './ratioSlo.js';
import type { WindowCounts } from './slotRing.js';

/** Counts and burn rate of one alert window. */
export interface WindowBurn extends WindowCounts {
  /** (bad / total) / error budget; 0 without events. */
  readonly burnRate: number;
}

/** Error budget of a {@link RatioSLO} over its period. */
export interface ErrorBudget {
  /** Period the budget covers. */
  readonly periodMs: number;
  readonly good: number;
  readonly total: number;
  readonly bad: number;
  /** Bad events the objective allows for `total` events. */
  readonly allowedBad: number;
  /** Share of the budget left: 1 untouched, 0 used up, below 0 overspent. */
  readonly remainingRatio: number;
  /** `1 - remainingRatio`. */
  readonly consumedRatio: number;
  /** True once the bad events reach the allowance (decided exactly, in integers). */
  readonly exhausted: boolean;
  /** Burn rate over the whole period. */
  readonly burnRate: number;
}

/** What a {@link BurnRateAlert} is built from. */
export interface BurnRateAlertInit {
  readonly slo: RatioSLO;
  readonly rule: BurnRateRule;
  readonly long: WindowBurn;
  readonly short: WindowBurn;
  readonly errorBudget: ErrorBudget;
  readonly detectedAt: Date;
}

/**
 * A multi-window burn-rate rule that fired: both its long and short window burn the error budget
 * at least at the rule's rate.
 */
export class BurnRateAlert {
  readonly slo: RatioSLO;
  readonly rule: BurnRateRule;
  /** The long window's counts and burn rate. */
  readonly long: WindowBurn;
  /** The short window's counts and burn rate. */
  readonly short: WindowBurn;
  /** The error budget when it fired. */
  readonly errorBudget: ErrorBudget;
  readonly detectedAt: Date;
  /** The rule's severity. */
  readonly severity: AlertSeverity;
  /** Stable title (no numbers), fit for de-duplication: `SLO checkout: page (page-1h)`. */
  readonly title: string;
  /** Human-readable summary with the numbers. */
  readonly message: string;

  constructor(init: BurnRateAlertInit) {
    const { slo, rule, long, short, errorBudget } = init;
    this.slo = slo;
    this.rule = rule;
    this.long = long;
    this.short = short;
    this.errorBudget = errorBudget;
    this.detectedAt = init.detectedAt;
    this.severity = rule.severity;
    this.title = `SLO ${slo.name}: ${rule.action} (${rule.name})`;
    this.message =
      `SLO ${slo.name} is burning its error budget at ${formatNumber(long.burnRate)}x over ` +
      `${formatDurationMs(long.windowMs)} and ${formatNumber(short.burnRate)}x over ` +
      `${formatDurationMs(short.windowMs)} (${rule.action} at ${rule.burnRate}x); ` +
      `${formatNumber(errorBudget.remainingRatio * 100, 1)} % of the ` +
      `${formatDurationMs(slo.periodMs)} budget left`;
    Object.freeze(this);
  }
}

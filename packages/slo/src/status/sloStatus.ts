import type { SloStatusData } from '@lexigram/monitor-core';
import type { ErrorBudgetTracker } from '../budget/errorBudgetTracker.js';

/**
 * Where one tracker's SLO stands now (core's `SloStatusData`): budget left and the burn rate over
 * every distinct window of its burn-rate rules, shortest first.
 */
export function sloStatusOf(tracker: ErrorBudgetTracker): SloStatusData {
  const { slo } = tracker;
  const budget = tracker.errorBudget();
  const windows = new Set<number>();
  for (const rule of slo.burnRateRules) {
    windows.add(rule.shortWindowMs);
    windows.add(rule.longWindowMs);
  }
  const burnRates = [...windows]
    .sort((a, b) => a - b)
    .map((windowMs) => ({ windowMs, burnRate: tracker.burnRate(windowMs) }));
  return {
    name: slo.name,
    kind: slo.kind,
    objective: slo.objective,
    periodMs: slo.periodMs,
    good: budget.good,
    bad: budget.bad,
    total: budget.total,
    budgetRemainingRatio: budget.remainingRatio,
    exhausted: budget.exhausted,
    burnRates,
    firing: tracker.firingRules().map((alert) => alert.rule.name),
  };
}

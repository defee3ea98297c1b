import type { AlertSeverity } from '@lexigram/monitor-core';
import type { FieldChecker } from '@lexigram/monitor-core/internal';

/** What a burn-rate alert asks for: wake someone up, or file a ticket. */
export type BurnRateAction = 'page' | 'ticket';

/** A multi-window burn-rate alert condition. */
export interface BurnRateRuleOptions {
  /** Name of the rule, e.g. `page-1h`. */
  readonly name: string;
  /** `page` or `ticket`. */
  readonly action: BurnRateAction;
  /**
   * Burn rate both windows must reach: how many times faster than "exactly uses the budget by
   * the end of the period" errors arrive. Up to three decimals (14.4 is fine).
   */
  readonly burnRate: number;
  /** The long window, which says the problem is significant. */
  readonly longWindowMs: number;
  /** The short window, which says it is still happening (so the alert resets quickly). */
  readonly shortWindowMs: number;
  /** Alert severity; default `critical` for pages, `medium` for tickets. */
  readonly severity?: AlertSeverity;
}

/** A validated {@link BurnRateRuleOptions}. */
export interface BurnRateRule extends Required<BurnRateRuleOptions> {
  /** `burnRate` in thousandths, as an integer, so comparisons are exact. */
  readonly burnRateMilli: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The Google SRE Workbook's recommended multi-window, multi-burn-rate alerts for a 30-day SLO
 * (chapter 5, "Alerting on SLOs"): page at 14.4x over 1 h with a 5 min short window (2 % of the
 * budget gone in an hour), page at 6x over 6 h with 30 min (5 % in six hours), ticket at 1x over
 * 3 days with 6 h (10 % in three days). Both windows of a rule must reach its burn rate.
 */
export const DEFAULT_BURN_RATE_RULES: readonly BurnRateRuleOptions[] = Object.freeze([
  Object.freeze({
    name: 'page-1h',
    action: 'page',
    burnRate: 14.4,
    longWindowMs: HOUR,
    shortWindowMs: 5 * MINUTE,
  }),
  Object.freeze({
    name: 'page-6h',
    action: 'page',
    burnRate: 6,
    longWindowMs: 6 * HOUR,
    shortWindowMs: 30 * MINUTE,
  }),
  Object.freeze({
    name: 'ticket-3d',
    action: 'ticket',
    burnRate: 1,
    longWindowMs: 72 * HOUR,
    shortWindowMs: 6 * HOUR,
  }),
] as const);

/** Validate one rule (problems are added to `check` under `path`) and freeze it. */
export function toBurnRateRule(
  options: BurnRateRuleOptions,
  path: string,
  check: FieldChecker,
): BurnRateRule | undefined {
  if (typeof options !== 'object' || options === null) {
    check.add(path, 'must be a burn-rate rule object');
    return undefined;
  }
  const before = check.count;
  check.nonEmptyString(`${path}.name`, options.name);
  if (options.action !== 'page' && options.action !== 'ticket') {
    check.add(`${path}.action`, `must be "page" or "ticket" (got ${String(options.action)})`);
  }
  check.positive(`${path}.burnRate`, options.burnRate);
  check.positive(`${path}.longWindowMs`, options.longWindowMs);
  check.positive(`${path}.shortWindowMs`, options.shortWindowMs);
  if (check.count > before) return undefined;
  const milli = Math.round(options.burnRate * 1000);
  if (milli === 0 || Math.abs(options.burnRate * 1000 - milli) > 1e-6) {
    check.add(
      `${path}.burnRate`,
      `must have at most three decimals, e.g. 14.4 (got ${options.burnRate})`,
    );
  }
  if (options.shortWindowMs >= options.longWindowMs) {
    check.add(
      `${path}.shortWindowMs`,
      `must be shorter than longWindowMs (${options.longWindowMs}); got ${options.shortWindowMs}`,
    );
  }
  if (check.count > before) return undefined;
  return Object.freeze({
    name: options.name,
    action: options.action,
    burnRate: options.burnRate,
    longWindowMs: options.longWindowMs,
    shortWindowMs: options.shortWindowMs,
    severity: options.severity ?? (options.action === 'page' ? 'critical' : 'medium'),
    burnRateMilli: milli,
  });
}

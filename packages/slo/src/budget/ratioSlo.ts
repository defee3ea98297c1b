import { formatDurationMs } from '../internal/format.js';
import { FieldChecker } from '@lexigram/monitor-core/internal';
import {
  DEFAULT_BURN_RATE_RULES,
  toBurnRateRule,
  type BurnRateRule,
  type BurnRateRuleOptions,
} from './burnRateRule.js';

/** Default SLO period the error budget is spent over: 30 days. */
export const DEFAULT_SLO_PERIOD_MS = 30 * 86_400_000;

/** Parts per million in one whole. */
export const PPM = 1_000_000;

/** What defines a {@link RatioSLO}. */
export interface RatioSLOOptions {
  /** Unique name, e.g. `checkout.availability`. */
  readonly name: string;
  /**
   * Fraction of events that must be good, strictly between 0 and 1 (0.999 for "three nines"),
   * in whole parts per million at most (0.99995 is fine, 0.9999995 is not).
   */
  readonly objective: number;
  /** Period the error budget covers; default 30 days. */
  readonly periodMs?: number;
  /**
   * Makes this a latency SLO: an event is good when it took at most this many milliseconds
   * ("99 % of requests under 300 ms"). Without it the SLO counts good / bad events you report
   * (availability).
   */
  readonly thresholdMs?: number;
  /** Burn-rate alerts; default {@link DEFAULT_BURN_RATE_RULES} (SRE Workbook). */
  readonly burnRateRules?: readonly BurnRateRuleOptions[];
  /** Human-readable description. */
  readonly description?: string;
}

/** `availability` counts reported good / bad events; `latency` counts events under a threshold. */
export type RatioSLOKind = 'availability' | 'latency';

/**
 * An error-budget SLO over a ratio of good to total events: availability ("99.9 % of requests
 * succeed") or latency as a fraction under a threshold ("99 % of requests under 300 ms").
 *
 * The objective is held as an integer number of parts per million, so budget and burn-rate
 * decisions are exact integer comparisons: 0.999 is 999 000 ppm and its error budget exactly
 * 1 000 ppm, where floating point would make `1 - 0.999` slightly more than 0.001.
 *
 * @example
 * ```ts
 * const slo = new RatioSLO({ name: 'checkout.availability', objective: 0.999 });
 * ```
 */
export class RatioSLO {
  readonly name: string;
  /** The objective as given, e.g. 0.999. */
  readonly objective: number;
  /** The objective in parts per million, e.g. 999 000. */
  readonly objectivePpm: number;
  /** The error budget in parts per million: `1 000 000 - objectivePpm`. */
  readonly errorBudgetPpm: number;
  readonly periodMs: number;
  /** Latency threshold of a latency SLO; undefined for availability. */
  readonly thresholdMs: number | undefined;
  readonly kind: RatioSLOKind;
  readonly burnRateRules: readonly BurnRateRule[];
  readonly description: string;

  constructor(options: RatioSLOOptions) {
    const check = new FieldChecker(`RatioSLO ${JSON.stringify(options?.name ?? '')}`);
    if (typeof options !== 'object' || options === null) {
      check.add('(root)', 'RatioSLO options must be an object');
      check.throwIfInvalid();
    }
    const periodMs = options.periodMs ?? DEFAULT_SLO_PERIOD_MS;
    check.nonEmptyString('name', options.name);
    check.openFraction('objective', options.objective, '0.999 for 99.9 %');
    check.positive('periodMs', periodMs);
    if (options.thresholdMs !== undefined) check.positive('thresholdMs', options.thresholdMs);
    if (options.description !== undefined && typeof options.description !== 'string') {
      check.add('description', 'must be a string when given');
    }
    let objectivePpm = 0;
    if (check.count === 0) {
      objectivePpm = Math.round(options.objective * PPM);
      if (Math.abs(options.objective * PPM - objectivePpm) > 1e-3 || objectivePpm >= PPM) {
        check.add(
          'objective',
          `must be a whole number of parts per million, e.g. 0.999 or 0.99995 (got ${options.objective})`,
        );
      }
    }
    const ruleOptions = options.burnRateRules ?? DEFAULT_BURN_RATE_RULES;
    const rules: BurnRateRule[] = [];
    if (!Array.isArray(ruleOptions)) {
      check.add('burnRateRules', 'must be an array of burn-rate rules');
    } else {
      const names = new Set<string>();
      ruleOptions.forEach((rule: BurnRateRuleOptions, i) => {
        const valid = toBurnRateRule(rule, `burnRateRules[${i}]`, check);
        const name = (rule as Partial<BurnRateRuleOptions> | null)?.name;
        if (typeof name === 'string' && names.has(name)) {
          check.add(`burnRateRules[${i}].name`, `duplicate rule name ${JSON.stringify(name)}`);
        }
        if (typeof name === 'string') names.add(name);
        if (valid) rules.push(valid);
      });
    }
    check.throwIfInvalid();

    this.name = options.name;
    this.objective = options.objective;
    this.objectivePpm = objectivePpm;
    this.errorBudgetPpm = PPM - objectivePpm;
    this.periodMs = periodMs;
    this.thresholdMs = options.thresholdMs;
    this.kind = options.thresholdMs === undefined ? 'availability' : 'latency';
    this.burnRateRules = Object.freeze(rules);
    this.description = options.description ?? '';
    Object.freeze(this);
  }

  /** `checkout.availability: 99.9 % good over 30d`. */
  toString(): string {
    const what = this.kind === 'latency' ? `under ${this.thresholdMs} ms` : 'good';
    return `${this.name}: ${this.objectivePpm / 10_000} % ${what} over ${formatDurationMs(this.periodMs)}`;
  }
}

import { z } from 'zod';
import { MonitorConfigError } from '../errors/configError.js';
import { describeValue } from './describeValue.js';

/**
 * The longest delay Node's timers honour: 2^31 − 1 ms (about 24.8 days). A longer delay silently
 * becomes 1 ms, so a "once a month" loop would spin; every `...Ms` option is checked against it.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** What a duration option accepts. */
export interface DurationRule {
  /** Accept 0 (e.g. "no cache"). Default false: the duration must be > 0. */
  readonly allowZero?: boolean;
  /** Require a whole number of ms. Default false. */
  readonly integer?: boolean;
  /** Smallest accepted value (inclusive). */
  readonly min?: number;
  /**
   * Largest accepted value (inclusive). Default {@link MAX_TIMER_DELAY_MS}; pass `Infinity` only
   * for a duration that never reaches a timer (e.g. a window length compared with a clock).
   */
  readonly max?: number;
}

/**
 * What is wrong with `value` as a duration in milliseconds, in the one wording every package
 * uses (without the field name), or `undefined` when it is fine.
 */
export function durationProblem(value: unknown, rule: DurationRule = {}): string | undefined {
  const max = rule.max ?? MAX_TIMER_DELAY_MS;
  const got = describeValue(value);
  if (typeof value !== 'number' || Number.isNaN(value)) {
    return `must be a number of milliseconds, got ${got}`;
  }
  if (!Number.isFinite(value)) {
    return `must be a finite number of milliseconds, got ${got}`;
  }
  if (rule.integer && Number.isFinite(value) && !Number.isInteger(value)) {
    return `must be a whole number of milliseconds, got ${got}`;
  }
  if (rule.min !== undefined && value < rule.min) {
    return `must be at least ${rule.min} ms, got ${got}`;
  }
  if (rule.allowZero ? value < 0 : value <= 0) {
    return `must be ${rule.allowZero ? '0 or more' : 'greater than 0'} milliseconds, got ${got}`;
  }
  if (value > max) {
    return max === MAX_TIMER_DELAY_MS
      ? `must be at most ${MAX_TIMER_DELAY_MS} ms (about 24.8 days, the longest delay a Node.js timer honours), got ${got}`
      : `must be at most ${max} ms, got ${got}`;
  }
  return undefined;
}

/**
 * `value` as a duration in ms, or `fallback` when it is `undefined`; throws a
 * {@link MonitorConfigError} naming `field` when it is not a usable duration (not a number, not
 * positive, or above {@link MAX_TIMER_DELAY_MS}).
 *
 * @example
 * ```ts
 * const intervalMs = validateDurationMs(options.intervalMs, 'intervalMs', { fallback: 60_000, source: 'SLOMonitor options' });
 * ```
 */
export function validateDurationMs(
  value: unknown,
  field: string,
  options: DurationRule & { readonly fallback: number; readonly source?: string },
): number;
export function validateDurationMs(
  value: unknown,
  field: string,
  options?: DurationRule & { readonly fallback?: undefined; readonly source?: string },
): number;
export function validateDurationMs(
  value: unknown,
  field: string,
  options: DurationRule & { readonly fallback?: number; readonly source?: string } = {},
): number {
  if (value === undefined && options.fallback !== undefined) return options.fallback;
  const problem = durationProblem(value, options);
  if (problem !== undefined) {
    throw new MonitorConfigError(
      [{ path: field, message: problem }],
      options.source === undefined ? {} : { source: options.source },
    );
  }
  return value as number;
}

/**
 * A zod schema for a duration option in ms, checked by {@link durationProblem} (the same rule
 * and wording as {@link validateDurationMs}), for packages whose options are zod schemas.
 */
export function durationMsSchema(rule: DurationRule = {}): z.ZodType<number> {
  return z.custom<number>().superRefine((value, ctx) => {
    const problem = durationProblem(value, rule);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });
}

import { MonitorConfigError, type ConfigFieldError } from '../errors/configError.js';
import { describeValue } from './describeValue.js';
import { durationProblem, type DurationRule } from './durations.js';

/**
 * Collects every bad field of an options object, then throws them as one
 * {@link MonitorConfigError}, so a user fixes all of them at once. Each check has one wording,
 * shared by every package: `must be …, got <value>`.
 *
 * @example
 * ```ts
 * const check = new FieldChecker('SLOMonitor options');
 * const intervalMs = check.durationMs('intervalMs', options.intervalMs, { fallback: 60_000 });
 * check.throwIfInvalid();
 * ```
 */
export class FieldChecker {
  private readonly errors: ConfigFieldError[] = [];

  /** @param source Where the options came from, e.g. `SLOMonitor options`. */
  constructor(private readonly source: string) {}

  /** Problems recorded so far. */
  get count(): number {
    return this.errors.length;
  }

  /** Record a problem with `path`. */
  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /**
   * An optional duration in ms (see {@link durationProblem}): `fallback` (or `undefined`) when
   * `value` is undefined.
   */
  durationMs(
    path: string,
    value: unknown,
    rule: DurationRule & { readonly fallback: number },
  ): number;
  durationMs(path: string, value: unknown, rule?: DurationRule): number | undefined;
  durationMs(
    path: string,
    value: unknown,
    rule: DurationRule & { readonly fallback?: number } = {},
  ): number | undefined {
    if (value === undefined) return rule.fallback;
    const problem = durationProblem(value, rule);
    if (problem === undefined) return value as number;
    this.add(path, problem);
    return rule.fallback;
  }

  /** A string that is not empty or blank. */
  nonEmptyString(path: string, value: unknown): value is string {
    if (typeof value === 'string' && value.trim() !== '') return true;
    this.add(path, `must be a non-empty string, got ${describeValue(value)}`);
    return false;
  }

  /** A finite number > 0. */
  positive(path: string, value: unknown): value is number {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return true;
    this.add(path, `must be a finite number greater than 0, got ${describeValue(value)}`);
    return false;
  }

  /** An integer >= `min`. */
  integerAtLeast(path: string, value: unknown, min: number): value is number {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min) return true;
    this.add(path, `must be an integer >= ${min}, got ${describeValue(value)}`);
    return false;
  }

  /** A number strictly between 0 and 1 (`example` shows a typical one, e.g. `0.999`). */
  openFraction(path: string, value: unknown, example: string): value is number {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 1) return true;
    this.add(
      path,
      `must be a fraction strictly between 0 and 1, e.g. ${example}, got ${describeValue(value)}`,
    );
    return false;
  }

  /** A function (a callback option). */
  fn(path: string, value: unknown): value is (...args: never[]) => unknown {
    if (typeof value === 'function') return true;
    this.add(path, `must be a function, got ${describeValue(value)}`);
    return false;
  }

  /** Throw one {@link MonitorConfigError} listing every recorded problem, if any. */
  throwIfInvalid(): void {
    if (this.errors.length > 0) throw new MonitorConfigError(this.errors, { source: this.source });
  }
}

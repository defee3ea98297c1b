import { MonitorConfigError, type ConfigFieldError } from '@lexigram/monitor-core';

/**
 * Collects every invalid field of an options object so one error lists them all, then throws a
 * core {@link MonitorConfigError} naming each field by path.
 */
export class FieldChecker {
  private readonly errors: ConfigFieldError[] = [];

  constructor(private readonly source: string) {}

  /** Problems recorded so far. */
  get count(): number {
    return this.errors.length;
  }

  /** Record a problem with `path`. */
  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /** A non-empty string. */
  nonEmptyString(path: string, value: unknown): void {
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(path, `must be a non-empty string (got ${describe(value)})`);
    }
  }

  /** A finite number > 0. */
  positive(path: string, value: unknown): void {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      this.add(path, `must be a finite number greater than 0 (got ${describe(value)})`);
    }
  }

  /** An integer >= `min`. */
  integerAtLeast(path: string, value: unknown, min: number): void {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      this.add(path, `must be an integer >= ${min} (got ${describe(value)})`);
    }
  }

  /** A number strictly between 0 and 1. */
  openFraction(path: string, value: unknown, example: string): void {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value >= 1) {
      this.add(
        path,
        `must be a fraction strictly between 0 and 1, e.g. ${example} (got ${describe(value)})`,
      );
    }
  }

  /** Throw if anything was recorded. */
  throwIfInvalid(): void {
    if (this.errors.length > 0) throw new MonitorConfigError(this.errors, { source: this.source });
  }
}

/** A short, safe rendering of a value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined) {
    return String(value);
  }
  if (value === null) return 'null';
  return typeof value;
}

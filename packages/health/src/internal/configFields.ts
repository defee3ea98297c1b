import { MonitorConfigError, type ConfigFieldError } from '@lexigram/monitor-core';
import { describeValue } from './describeValue.js';

/**
 * Collects every bad field of an options object, then throws them as one `MonitorConfigError`,
 * so a user fixes all of them at once.
 */
export class ConfigFields {
  private readonly errors: ConfigFieldError[] = [];

  constructor(private readonly source: string) {}

  /** A positive, finite number of ms (or `fallback` when undefined). */
  positiveMs(path: string, value: unknown, fallback: number): number;
  positiveMs(path: string, value: unknown, fallback?: undefined): number | undefined;
  positiveMs(path: string, value: unknown, fallback?: number): number | undefined {
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
    this.errors.push({
      path,
      message: `must be a positive, finite number of milliseconds, got ${describeValue(value)}`,
    });
    return fallback;
  }

  /** A number of ms that may be 0 (e.g. "no cache"). */
  nonNegativeMs(path: string, value: unknown, fallback: number): number {
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    this.errors.push({
      path,
      message: `must be a finite number of milliseconds >= 0, got ${describeValue(value)}`,
    });
    return fallback;
  }

  /** Record a custom problem. */
  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /** Throw if anything was wrong. */
  throwIfInvalid(): void {
    if (this.errors.length > 0) throw new MonitorConfigError(this.errors, { source: this.source });
  }
}

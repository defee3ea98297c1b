import type { HealthCheckOptions } from '@lexigram/monitor-core';
import type { HealthChecker, HealthCheckInput } from './healthChecker.js';

/**
 * The registration half of {@link HealthChecker}, for the classes that own one and forward to it
 * (`HealthCheckRegistry`, `CachedHealthChecker`): one place for the forwarding.
 */
export abstract class CheckSet {
  /** The checker that runs the checks. */
  abstract readonly checker: HealthChecker;

  /**
   * Add a check (see `HealthChecker.add`). `critical` defaults to true; no `category` means
   * readiness.
   *
   * @throws DuplicateHealthCheckError when `name` is taken.
   */
  add(name: string, check: HealthCheckInput, options?: HealthCheckOptions): void {
    this.checker.add(name, check, options);
  }

  /**
   * Add a function marked with `markHealthCheck(name)` or a named check object.
   *
   * @throws InvalidHealthCheckError when the function was not marked.
   */
  register(check: HealthCheckInput, options?: HealthCheckOptions): void {
    this.checker.register(check, options);
  }

  /**
   * Remove a check.
   *
   * @throws HealthCheckNotFoundError when no check has this name.
   */
  remove(name: string): void {
    this.checker.remove(name);
  }

  /** True when a check has this name. */
  has(name: string): boolean {
    return this.checker.has(name);
  }

  /** Every registered name, sorted. */
  get names(): string[] {
    return this.checker.names;
  }
}

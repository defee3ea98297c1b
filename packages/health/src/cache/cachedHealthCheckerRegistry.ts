import { MonitorConfigError } from '@lexigram/monitor-core';
import { describeValue } from '@lexigram/monitor-core/internal';
import { CachedHealthChecker, type CachedHealthCheckerOptions } from './cachedHealthChecker.js';

/**
 * Named {@link CachedHealthChecker} instances, one per logical group of checks (e.g. `'api'` and
 * `'worker'`), with one place to stop them all at shutdown.
 *
 * @example
 * ```ts
 * const registry = new CachedHealthCheckerRegistry();
 * const api = registry.getOrCreate('api', { dbProvider: pool });
 * registry.getOrCreate('api') === api; // true: options only count the first time
 * await registry.shutdown(); // at shutdown
 * ```
 */
export class CachedHealthCheckerRegistry {
  private readonly checkers = new Map<string, CachedHealthChecker>();

  /**
   * The checker registered under `key`, created with `options` if there is none yet. Later calls
   * with the same key return the same instance and ignore their options.
   */
  getOrCreate(key = 'default', options: CachedHealthCheckerOptions = {}): CachedHealthChecker {
    if (typeof key !== 'string' || key === '') {
      throw new MonitorConfigError([
        { path: 'key', message: `must be a non-empty string, got ${describeValue(key)}` },
      ]);
    }
    let checker = this.checkers.get(key);
    if (!checker) {
      checker = new CachedHealthChecker(options);
      this.checkers.set(key, checker);
    }
    return checker;
  }

  /** The checker registered under `key`, or undefined. */
  get(key: string): CachedHealthChecker | undefined {
    return this.checkers.get(key);
  }

  /** A copy of the key → checker map; changing it does not change the registry. */
  all(): Map<string, CachedHealthChecker> {
    return new Map(this.checkers);
  }

  /** Number of registered checkers. */
  get size(): number {
    return this.checkers.size;
  }

  /**
   * Stop every checker's background refresh, wait (each by its deadline) for runs in flight, and
   * empty the registry. Safe to call more than once; never rejects.
   */
  async shutdown(): Promise<void> {
    const checkers = [...this.checkers.values()];
    this.checkers.clear();
    await Promise.all(checkers.map((checker) => checker.shutdown()));
  }

  /** The reference's name for {@link CachedHealthCheckerRegistry.shutdown}. */
  cleanup(): Promise<void> {
    return this.shutdown();
  }
}

/**
 * The reference's name for {@link CachedHealthCheckerRegistry}.
 *
 * @deprecated Use `CachedHealthCheckerRegistry`: `HealthCheckerRegistry` reads almost like
 * `HealthCheckRegistry`, a different class. Kept for one minor version.
 */
export const HealthCheckerRegistry = CachedHealthCheckerRegistry;
/** @deprecated Use `CachedHealthCheckerRegistry`. */
export type HealthCheckerRegistry = CachedHealthCheckerRegistry;

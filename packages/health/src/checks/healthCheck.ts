import {
  monitorHooks,
  type HealthCheckOptions,
  type HealthCheckOutcome,
  type HealthCheckerProtocol,
  type HookBus,
} from '@lexigram/monitor-core';
import type { HealthCheckResult } from '../result/healthCheckResult.js';
import { runCheck } from '../runner/runCheck.js';
import {
  DEFAULT_CHECK_TIMEOUT_MS,
  validateCheckName,
  validateCheckOptions,
} from './checkOptions.js';

/**
 * Base class for health checks: a name, default options, and `check()` to implement. `check()`
 * may be sync or async and return `true`/`false`, an object or a {@link HealthCheckResult}.
 *
 * The options are defaults: options given to `HealthChecker.add` win over them.
 *
 * @example
 * ```ts
 * class DiskSpaceCheck extends HealthCheck {
 *   constructor(private readonly minFreeBytes: number) { super('disk', { category: 'liveness' }); }
 *   async check() {
 *     const free = await freeBytes('/');
 *     return { healthy: free >= this.minFreeBytes, freeBytes: free };
 *   }
 * }
 * checker.register(new DiskSpaceCheck(1e9));
 * ```
 */
export abstract class HealthCheck implements HealthCheckerProtocol {
  /** Name the check is registered under when none is given. */
  readonly name: string;
  /** Default timeout, category and criticality of this check. */
  readonly options: Readonly<HealthCheckOptions>;

  constructor(name: string, options: HealthCheckOptions = {}) {
    this.name = validateCheckName(name);
    this.options = Object.freeze(validateCheckOptions(this.name, options));
  }

  /** Probe the component. */
  abstract check(): HealthCheckOutcome | Promise<HealthCheckOutcome>;

  /**
   * Run this check alone, as a checker would: bounded by its timeout (default 5000 ms), never
   * rejecting, with the measured duration.
   */
  run(hooks: HookBus = monitorHooks): Promise<HealthCheckResult> {
    return runCheck(
      this.name,
      () => this.check(),
      this.options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
      hooks,
    );
  }
}

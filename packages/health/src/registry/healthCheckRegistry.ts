import { HealthCheckCategory, type HealthCheckRegistryProtocol } from '@lexigram/monitor-core';
import { HealthCheckNotFoundError } from '../errors/healthCheckNotFoundError.js';
import type { HealthCheckResult } from '../result/healthCheckResult.js';
import { CheckSet } from '../runner/checkSet.js';
import { HealthChecker, type HealthCheckerOptions } from '../runner/healthChecker.js';
import type { HealthCheckReport } from '../runner/healthCheckReport.js';
import { summarizeReport } from './summarizeReport.js';

/**
 * Registry of categorised health checks implementing core's {@link HealthCheckRegistryProtocol}:
 * what an application hands to an HTTP health endpoint. It keeps which checks take part in the
 * liveness, readiness and startup probes, and which are critical (a failing non-critical check
 * degrades the aggregate instead of failing it).
 *
 * @example
 * ```ts
 * const registry = new HealthCheckRegistry();
 * registry.add('database', () => db.ping(), { timeoutMs: 1000 });
 * registry.add('process', () => true, { category: HealthCheckCategory.Liveness });
 * registry.add('search', () => search.ping(), { critical: false });
 * registry.readinessChecks; // ['database', 'search']
 * await registry.runReadiness();
 * ```
 */
export class HealthCheckRegistry extends CheckSet implements HealthCheckRegistryProtocol {
  /** The checker that runs the checks. */
  readonly checker: HealthChecker;

  constructor(options: HealthCheckerOptions = {}) {
    super();
    this.checker = new HealthChecker(options);
  }

  /** Names of the checks in the liveness probe, sorted. */
  get livenessChecks(): string[] {
    return this.checker.namesIn(HealthCheckCategory.Liveness);
  }

  /** Names of the checks in the readiness probe (including those added without a category). */
  get readinessChecks(): string[] {
    return this.checker.namesIn(HealthCheckCategory.Readiness);
  }

  /** Names of the checks in the startup probe, sorted. */
  get startupChecks(): string[] {
    return this.checker.namesIn(HealthCheckCategory.Startup);
  }

  /**
   * Whether the named check is critical.
   *
   * @throws HealthCheckNotFoundError when no check has this name.
   */
  isCritical(name: string): boolean {
    const registered = this.checker.describe(name);
    if (!registered) throw new HealthCheckNotFoundError(name, this.names);
    return registered.critical;
  }

  /** Run every check and aggregate. */
  runAll(): Promise<HealthCheckReport> {
    return this.checker.runWithStatus();
  }

  /** Run the liveness checks and aggregate. */
  runLiveness(): Promise<HealthCheckReport> {
    return this.checker.runLiveness();
  }

  /** Run the readiness checks and aggregate. */
  runReadiness(): Promise<HealthCheckReport> {
    return this.checker.runReadiness();
  }

  /** Run the startup checks and aggregate. */
  runStartup(): Promise<HealthCheckReport> {
    return this.checker.runStartup();
  }

  /**
   * The registry's own health as one result: the aggregate of every check, a message counting
   * them by status, and each check's status in `details.checks`.
   */
  async check(): Promise<HealthCheckResult> {
    const start = performance.now();
    const report = await this.runAll();
    return summarizeReport(report, performance.now() - start);
  }
}

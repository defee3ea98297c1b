import {
  HealthCheckCategory,
  monitorHooks,
  type HealthCheckFunction,
  type HealthCheckOptions,
  type HealthCheckResultData,
  type HealthCheckerProtocol,
  type HealthProbesProtocol,
  type HealthStatus,
  type HookBus,
} from '@lexigram/monitor-core';
import {
  DEFAULT_CHECK_TIMEOUT_MS,
  resolveCheckOptions,
  validateCheckName,
  validateCheckOptions,
  type ResolvedCheckOptions,
} from '../checks/checkOptions.js';
import { HealthCheck } from '../checks/healthCheck.js';
import { getHealthCheckMark } from '../checks/markHealthCheck.js';
import { DuplicateHealthCheckError } from '../errors/duplicateHealthCheckError.js';
import { HealthCheckNotFoundError } from '../errors/healthCheckNotFoundError.js';
import { InvalidHealthCheckError } from '../errors/invalidHealthCheckError.js';
import { FieldChecker } from '@lexigram/monitor-core/internal';
import { describeValue } from '@lexigram/monitor-core/internal';
import type { HealthCheckResult } from '../result/healthCheckResult.js';
import { aggregateHealthStatus } from './aggregateStatus.js';
import type { HealthCheckReport } from './healthCheckReport.js';
import { runCheck } from './runCheck.js';

/** Options of a {@link HealthChecker}. */
export interface HealthCheckerOptions {
  /** Timeout of checks that set none. Default 5000. */
  defaultTimeoutMs?: number;
  /** Upper bound of every check's timeout, whatever the check asks for. Default: none. */
  maxTimeoutMs?: number;
  /** Where `healthCheckRun` is emitted. Default: core's process-wide `monitorHooks`. */
  hooks?: HookBus;
}

/** A registered check and its resolved options. */
export interface RegisteredHealthCheck extends ResolvedCheckOptions {
  /** Its name. */
  readonly name: string;
}

interface Registration extends RegisteredHealthCheck {
  readonly invoke: () => unknown;
}

/** Something `add` accepts as a check. */
export type HealthCheckInput = HealthCheckFunction | HealthCheckerProtocol;

/**
 * Aggregates and runs named health checks, each bounded by its own timeout, tagged with a
 * category (liveness / readiness / startup; none means readiness) and a critical flag.
 *
 * Checks run concurrently. One that is too slow, throws or rejects is UNHEALTHY with the reason
 * and never delays the others past its own timeout. Aggregation: HEALTHY when all are healthy,
 * UNHEALTHY when a critical check is unhealthy, DEGRADED otherwise.
 *
 * @example
 * ```ts
 * const checker = new HealthChecker();
 * checker.add('database', () => db.ping(), { timeoutMs: 1000 });
 * checker.add('event-loop', () => lagMs() < 200, { category: HealthCheckCategory.Liveness });
 * checker.add('recommendations', () => recs.ping(), { critical: false });
 * const { status, checks } = await checker.runReadiness();
 * ```
 */
export class HealthChecker {
  private readonly checks = new Map<string, Registration>();
  private readonly defaultTimeoutMs: number;
  private readonly maxTimeoutMs: number | undefined;
  private readonly hooks: HookBus;
  private changes = 0;

  constructor(options: HealthCheckerOptions = {}) {
    const fields = new FieldChecker('HealthChecker options');
    this.defaultTimeoutMs = fields.durationMs('defaultTimeoutMs', options.defaultTimeoutMs, {
      fallback: DEFAULT_CHECK_TIMEOUT_MS,
    });
    this.maxTimeoutMs = fields.durationMs('maxTimeoutMs', options.maxTimeoutMs);
    fields.throwIfInvalid();
    this.hooks = options.hooks ?? monitorHooks;
  }

  /**
   * Add a named check: a function, or an object with `check()` (a {@link HealthCheck} brings its
   * own default options; `options` here win).
   *
   * @throws DuplicateHealthCheckError when `name` is taken.
   * @throws InvalidHealthCheckError for a bad name, check or option.
   */
  add(name: string, check: HealthCheckInput, options?: HealthCheckOptions): void {
    validateCheckName(name);
    const explicit = validateCheckOptions(name, options);
    if (this.checks.has(name)) throw new DuplicateHealthCheckError(name);
    let invoke: () => unknown;
    let defaults: HealthCheckOptions = {};
    if (typeof check === 'function') {
      invoke = () => check();
      defaults = getHealthCheckMark(check)?.options ?? {};
    } else if (
      typeof check === 'object' &&
      check !== null &&
      typeof (check as { check?: unknown }).check === 'function'
    ) {
      invoke = () => check.check();
      if (check instanceof HealthCheck) defaults = check.options;
    } else {
      throw new InvalidHealthCheckError(
        `Health check "${name}" must be a function or an object with a check() method, got ${describeValue(check)}.`,
      );
    }
    const resolved = resolveCheckOptions(this.defaultTimeoutMs, defaults, explicit);
    const timeoutMs =
      this.maxTimeoutMs === undefined
        ? resolved.timeoutMs
        : Math.min(resolved.timeoutMs, this.maxTimeoutMs);
    this.checks.set(name, { ...resolved, timeoutMs, name, invoke });
    this.changes++;
  }

  /**
   * Add a check that carries its own name: a function marked with `markHealthCheck(name)` or a
   * named check object such as a {@link HealthCheck}.
   *
   * @throws InvalidHealthCheckError when the function was not marked with `markHealthCheck`.
   */
  register(check: HealthCheckInput, options?: HealthCheckOptions): void {
    if (typeof check === 'function') {
      const mark = getHealthCheckMark(check);
      if (!mark) {
        throw new InvalidHealthCheckError(
          `register() needs a function marked with markHealthCheck(name)${check.name ? ` ("${check.name}" is not)` : ''}: wrap it as markHealthCheck('name')(fn), decorate the method with @markHealthCheck('name'), or call add(name, fn).`,
        );
      }
      this.add(mark.name, check, options);
      return;
    }
    const name = (check as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') {
      throw new InvalidHealthCheckError(
        `register() needs a marked function or a check object with a name, got ${describeValue(check)}: use add(name, check) instead.`,
      );
    }
    this.add(name, check, options);
  }

  /**
   * Remove a check.
   *
   * @throws HealthCheckNotFoundError when no check has this name.
   */
  remove(name: string): void {
    if (!this.checks.delete(name)) throw new HealthCheckNotFoundError(name, this.names);
    this.changes++;
  }

  /** True when a check has this name. */
  has(name: string): boolean {
    return this.checks.has(name);
  }

  /** Every registered name, sorted. */
  get names(): string[] {
    return [...this.checks.keys()].sort();
  }

  /** Number of registered checks. */
  get size(): number {
    return this.checks.size;
  }

  /** Counts additions and removals, so a cache can tell its results are out of date. */
  get revision(): number {
    return this.changes;
  }

  /** The resolved options of a registered check, or undefined. */
  describe(name: string): RegisteredHealthCheck | undefined {
    const entry = this.checks.get(name);
    if (!entry) return undefined;
    const { invoke: _invoke, ...registered } = entry;
    return registered;
  }

  /** Names of the checks a probe of `category` runs, sorted. */
  namesIn(category: HealthCheckCategory): string[] {
    return this.names.filter((name) => this.checks.get(name)!.category === category);
  }

  /** Run every check concurrently; results keyed by name, in name order. Never rejects. */
  runAll(): Promise<Record<string, HealthCheckResult>> {
    return this.runNamed(this.names);
  }

  /** Run the checks of one category. */
  runCategory(category: HealthCheckCategory): Promise<Record<string, HealthCheckResult>> {
    return this.runNamed(this.namesIn(category));
  }

  /**
   * The overall status of `results` (as {@link aggregateHealthStatus}), using this checker's
   * critical flags; names it does not know count as critical.
   */
  aggregateStatus(results: Readonly<Record<string, HealthCheckResultData>>): HealthStatus {
    return aggregateHealthStatus(results, (name) => this.checks.get(name)?.critical ?? true);
  }

  /** `results` with their aggregate status. */
  report(results: Readonly<Record<string, HealthCheckResult>>): HealthCheckReport {
    return { status: this.aggregateStatus(results), checks: results };
  }

  /** Run every check and aggregate: the reference's `run_with_status`. */
  async runWithStatus(): Promise<HealthCheckReport> {
    return this.report(await this.runAll());
  }

  /** Run only the liveness checks and aggregate. */
  async runLiveness(): Promise<HealthCheckReport> {
    return this.report(await this.runCategory(HealthCheckCategory.Liveness));
  }

  /** Run only the readiness checks (checks added without a category are readiness). */
  async runReadiness(): Promise<HealthCheckReport> {
    return this.report(await this.runCategory(HealthCheckCategory.Readiness));
  }

  /** Run only the startup checks and aggregate. */
  async runStartup(): Promise<HealthCheckReport> {
    return this.report(await this.runCategory(HealthCheckCategory.Startup));
  }

  /**
   * This checker as core's {@link HealthProbesProtocol} (what an HTTP health endpoint takes),
   * where `runAll` is {@link HealthChecker.runWithStatus}.
   */
  asProbes(): HealthProbesProtocol {
    return {
      runAll: () => this.runWithStatus(),
      runLiveness: () => this.runLiveness(),
      runReadiness: () => this.runReadiness(),
      runStartup: () => this.runStartup(),
    };
  }

  private async runNamed(names: readonly string[]): Promise<Record<string, HealthCheckResult>> {
    const entries = names.map((name) => this.checks.get(name)!);
    const results = await Promise.all(
      entries.map((e) => runCheck(e.name, e.invoke, e.timeoutMs, this.hooks)),
    );
    // fromEntries defines own properties, so even a check named "__proto__" is kept as data.
    return Object.fromEntries(entries.map((e, i) => [e.name, results[i]!]));
  }
}

import type { HealthCheckCategory } from '../model/healthCheckCategory.js';
import type { HealthCheckResultData } from '../model/healthCheckResult.js';

/**
 * What a check may return: `true`/`false`, a result with a `status`, or a plain object (details;
 * healthy unless it carries `status`/`healthy` saying otherwise).
 */
export type HealthCheckOutcome =
  boolean | HealthCheckResultData | Readonly<Record<string, unknown>>;

/** A check as a plain (sync or async) function. */
export type HealthCheckFunction = () => HealthCheckOutcome | Promise<HealthCheckOutcome>;

/** A single health-check component: any object with `check()`. */
export interface HealthCheckerProtocol {
  /** Optional name, used when none is given at registration. */
  readonly name?: string;
  check(): HealthCheckOutcome | Promise<HealthCheckOutcome>;
}

/** Options of a registered check. */
export interface HealthCheckOptions {
  /**
   * Past this the check is UNHEALTHY with a timeout message. Default 5000 (`HealthCheckConfig`);
   * `null` disables the timeout (the reference's `timeout=None`).
   */
  timeoutMs?: number | null;
  /** Default `readiness`. */
  category?: HealthCheckCategory;
  /** A failing non-critical check degrades the aggregate instead of failing it. Default true. */
  critical?: boolean;
}

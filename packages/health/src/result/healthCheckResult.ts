import { HealthStatus, type HealthCheckResultData } from '@lexigram/monitor-core';
import { InvalidHealthCheckError } from '../errors/invalidHealthCheckError.js';
import { describeValue } from '@lexigram/monitor-core/internal';
import { isHealthStatus } from '../internal/healthStatusValues.js';

/** What {@link HealthCheckResult} is built from; timing defaults to "now, 0 ms". */
export interface HealthCheckResultInit {
  /** The check's verdict. */
  readonly status: HealthStatus;
  /** Why (what failed, what was checked). */
  readonly message?: string | undefined;
  /** Extra structured details (counts, versions, ...). */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
  /** How long the check took. Default 0; the runner stamps the measured time. */
  readonly durationMs?: number | undefined;
  /** When it finished, ms since the epoch. Default `Date.now()`. */
  readonly timestamp?: number | undefined;
}

/**
 * The result of one health check: status, message, details, duration and time. Immutable; checks
 * may return one (built with {@link HealthCheckResult.healthy} and friends) and runners return
 * them with the measured duration stamped in.
 *
 * @example
 * ```ts
 * checker.add('queue', async () =>
 *   depth < 1000 ? HealthCheckResult.healthy('queue ok', { depth })
 *                : HealthCheckResult.degraded('queue is backing up', { depth }));
 * ```
 */
export class HealthCheckResult implements HealthCheckResultData {
  /** The check's verdict. */
  readonly status: HealthStatus;
  /** Why (what failed, what was checked). */
  readonly message: string | undefined;
  /** Extra structured details. */
  readonly details: Readonly<Record<string, unknown>> | undefined;
  /** How long the check took, in ms. */
  readonly durationMs: number;
  /** When it finished, ms since the epoch. */
  readonly timestamp: number;

  constructor(init: HealthCheckResultInit) {
    if (!isHealthStatus(init.status)) {
      throw new InvalidHealthCheckError(
        `HealthCheckResult status must be 'healthy', 'degraded' or 'unhealthy' (HealthStatus.*), got ${describeValue(init.status)}.`,
      );
    }
    this.status = init.status;
    this.message = init.message;
    this.details = init.details;
    this.durationMs = init.durationMs ?? 0;
    this.timestamp = init.timestamp ?? Date.now();
  }

  /** A healthy result. */
  static healthy(message?: string, details?: Readonly<Record<string, unknown>>): HealthCheckResult {
    return new HealthCheckResult({ status: HealthStatus.Healthy, message, details });
  }

  /** A degraded result: working, with concerns. */
  static degraded(
    message?: string,
    details?: Readonly<Record<string, unknown>>,
  ): HealthCheckResult {
    return new HealthCheckResult({ status: HealthStatus.Degraded, message, details });
  }

  /** An unhealthy result. */
  static unhealthy(
    message?: string,
    details?: Readonly<Record<string, unknown>>,
  ): HealthCheckResult {
    return new HealthCheckResult({ status: HealthStatus.Unhealthy, message, details });
  }

  /** A result from its plain data (e.g. one produced by another copy of this package). */
  static from(data: HealthCheckResultData): HealthCheckResult {
    return data instanceof HealthCheckResult ? data : new HealthCheckResult(data);
  }

  /** True when the status is healthy. */
  get isHealthy(): boolean {
    return this.status === HealthStatus.Healthy;
  }

  /** True when the status is degraded. */
  get isDegraded(): boolean {
    return this.status === HealthStatus.Degraded;
  }

  /** True when the status is unhealthy. */
  get isUnhealthy(): boolean {
    return this.status === HealthStatus.Unhealthy;
  }

  /** A copy with the given duration and finish time (what a runner measured). */
  withTiming(durationMs: number, timestamp: number): HealthCheckResult {
    return new HealthCheckResult({
      status: this.status,
      message: this.message,
      details: this.details,
      durationMs,
      timestamp,
    });
  }

  /**
   * The plain data (the reference's `to_dict`): `status`, `durationMs`, `timestamp`, and
   * `message` / `details` when set. Called by `JSON.stringify`.
   */
  toJSON(): HealthCheckResultData {
    return {
      status: this.status,
      ...(this.message !== undefined ? { message: this.message } : {}),
      ...(this.details !== undefined ? { details: this.details } : {}),
      durationMs: this.durationMs,
      timestamp: this.timestamp,
    };
  }
}

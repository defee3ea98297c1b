import type { HealthStatus } from './healthStatus.js';

/** The plain shape of one health check's result, as renderers and hooks read it. */
export interface HealthCheckResultData {
  readonly status: HealthStatus;
  /** Human-readable explanation (why it failed, what was checked). */
  readonly message?: string | undefined;
  /** Extra structured details (counts, versions, ...). */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
  /** How long the check took. */
  readonly durationMs: number;
  /** When it finished, ms since the epoch. */
  readonly timestamp: number;
}

/** An aggregate status together with the result of every check that ran. */
export interface HealthReport {
  readonly status: HealthStatus;
  readonly checks: Readonly<Record<string, HealthCheckResultData>>;
}

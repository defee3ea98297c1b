import type { HealthReport } from '../model/healthCheckResult.js';

/** An HTTP response for a health endpoint, ready to write. */
export interface HealthResponse {
  /** HTTP status code. */
  readonly statusCode: number;
  /** Value of the `Content-Type` header. */
  readonly contentType: string;
  /** The response body. */
  readonly body: string;
}

/** Options every renderer takes. */
export interface RenderOptions {
  /**
   * Include per-check messages, details and durations. Default true; turn off for endpoints that
   * anyone can reach (statuses stay visible, reasons do not). Error stacks are never included.
   */
  readonly includeDetails?: boolean;
}

/** A function that turns a report into a response (what an HTTP health endpoint calls). */
export type HealthRenderer = (report: HealthReport, options?: RenderOptions) => HealthResponse;

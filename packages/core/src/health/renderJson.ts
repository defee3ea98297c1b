import type { HealthReport } from '../model/healthCheckResult.js';
import { HealthStatus } from '../model/healthStatus.js';
import type { HealthResponse, RenderOptions } from './healthResponse.js';
import { reportTimestamp } from './reportTimestamp.js';
import { cleanMessage, toSafeJson } from './sanitize.js';

/** The reference's HTTP status for an aggregate: 200 healthy, 207 degraded, 503 unhealthy. */
export function httpStatusFor(status: HealthStatus): number {
  if (status === HealthStatus.Healthy) return 200;
  if (status === HealthStatus.Degraded) return 207;
  return 503;
}

/**
 * The reference's JSON health body, `application/json`, with 200 / 207 / 503:
 *
 * ```json
 * { "status": "degraded", "timestamp": 1700000000000,
 *   "checks": { "db": { "status": "healthy", "message": "...", "details": {}, "durationMs": 3.2,
 *                       "timestamp": 1700000000000 } } }
 * ```
 *
 * With `includeDetails: false` each check shows only its status.
 */
export function renderJson(report: HealthReport, options: RenderOptions = {}): HealthResponse {
  const includeDetails = options.includeDetails ?? true;
  const checks = Object.fromEntries(
    Object.entries(report.checks).map(([name, result]) => {
      if (!includeDetails) return [name, { status: result.status }];
      const check: Record<string, unknown> = { status: result.status };
      if (result.message !== undefined) check.message = cleanMessage(result.message);
      if (result.details !== undefined) check.details = toSafeJson(result.details);
      check.durationMs = result.durationMs;
      check.timestamp = result.timestamp;
      return [name, check];
    }),
  );
  const body = { status: report.status, timestamp: reportTimestamp(report), checks };
  return {
    statusCode: httpStatusFor(report.status),
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(body),
  };
}

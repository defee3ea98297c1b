import type { HealthReport } from '../model/healthCheckResult.js';
import { HealthStatus } from '../model/healthStatus.js';
import type { HealthResponse, RenderOptions } from './healthResponse.js';
import { cleanMessage, toSafeJson } from './sanitize.js';

/** Media type of the IETF health check response format. */
export const HEALTH_JSON_CONTENT_TYPE = 'application/health+json';

/** A status in the IETF format. */
export type HealthJsonStatus = 'pass' | 'warn' | 'fail';

/** Options of {@link renderHealthJson}: the format's optional service fields. */
export interface HealthJsonOptions extends RenderOptions {
  /** Public version of the service. */
  readonly version?: string;
  /** Release / build of the service. */
  readonly releaseId?: string;
  /** Unique identifier of the service. */
  readonly serviceId?: string;
  /** Human-friendly description of the service. */
  readonly description?: string;
}

/** healthy → pass, degraded → warn, anything else → fail. */
export function toHealthJsonStatus(status: HealthStatus): HealthJsonStatus {
  if (status === HealthStatus.Healthy) return 'pass';
  if (status === HealthStatus.Degraded) return 'warn';
  return 'fail';
}

/**
 * The IETF "Health Check Response Format for HTTP APIs" (draft-inadarei-api-health-check),
 * `application/health+json`: `status` pass / warn / fail with HTTP 200 for pass and warn (the
 * draft requires 2xx-3xx for both) and 503 for fail.
 *
 * Each check is one entry of `checks`, keyed by its name, holding a one-element array (the
 * draft's shape for a single-node component) with `status`, `time` (ISO 8601), the check's
 * duration as `observedValue` / `observedUnit: "ms"`, `output` (the reason, omitted on pass as the
 * draft asks) and `details`. The top-level `output` lists the failing and warning checks.
 * With `includeDetails: false` only statuses are shown.
 */
export function renderHealthJson(
  report: HealthReport,
  options: HealthJsonOptions = {},
): HealthResponse {
  const includeDetails = options.includeDetails ?? true;
  const status = toHealthJsonStatus(report.status);
  const body: Record<string, unknown> = { status };
  if (options.version !== undefined) body.version = options.version;
  if (options.releaseId !== undefined) body.releaseId = options.releaseId;
  if (options.serviceId !== undefined) body.serviceId = options.serviceId;
  if (options.description !== undefined) body.description = options.description;
  const problems: string[] = [];
  const checks = Object.fromEntries(
    Object.entries(report.checks).map(([name, result]) => {
      const checkStatus = toHealthJsonStatus(result.status);
      if (!includeDetails) return [name, [{ status: checkStatus }]];
      const entry: Record<string, unknown> = {
        status: checkStatus,
        time: new Date(result.timestamp).toISOString(),
        observedValue: result.durationMs,
        observedUnit: 'ms',
      };
      if (checkStatus !== 'pass') {
        const output =
          cleanMessage(result.message ?? '') || (checkStatus === 'warn' ? 'degraded' : 'failed');
        entry.output = output;
        problems.push(`${name}: ${output}`);
      }
      if (result.details !== undefined) entry.details = toSafeJson(result.details);
      return [name, [entry]];
    }),
  );
  if (includeDetails && status !== 'pass' && problems.length > 0) body.output = problems.join('; ');
  body.checks = checks;
  return {
    statusCode: status === 'fail' ? 503 : 200,
    contentType: HEALTH_JSON_CONTENT_TYPE,
    body: JSON.stringify(body),
  };
}

import { HealthCheckCategory, type HealthCheckOptions } from '@lexigram/monitor-core';
import { InvalidHealthCheckError } from '../errors/invalidHealthCheckError.js';
import { describeValue, durationProblem } from '@lexigram/monitor-core/internal';
import { isHealthCheckCategory } from '../internal/healthStatusValues.js';

/** Timeout of a check that sets none (the `health.timeoutMs` default of core's config). */
export const DEFAULT_CHECK_TIMEOUT_MS = 5000;

/** A check's options with every default applied. */
export interface ResolvedCheckOptions {
  /** Past this the check is unhealthy. */
  readonly timeoutMs: number;
  /** Which probe runs it. */
  readonly category: HealthCheckCategory;
  /** Whether its failure fails the aggregate (true) or only degrades it (false). */
  readonly critical: boolean;
}

/**
 * Check a check's name: a non-empty string on one line (it becomes a JSON key and a line of the
 * text format).
 */
export function validateCheckName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '' || /[\r\n]/.test(name)) {
    throw new InvalidHealthCheckError(
      `A health check name must be a non-empty, single-line string such as "database", got ${describeValue(name)}.`,
    );
  }
  return name;
}

/** Check each given option, throwing an error that names the bad one. */
export function validateCheckOptions(name: string, options: unknown): HealthCheckOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) {
    throw new InvalidHealthCheckError(
      `Options of health check "${name}" must be an object { timeoutMs, category, critical }, got ${describeValue(options)}.`,
    );
  }
  const { timeoutMs, category, critical } = options as Record<string, unknown>;
  const timeoutProblem = timeoutMs === undefined ? undefined : durationProblem(timeoutMs);
  if (timeoutProblem !== undefined) {
    throw new InvalidHealthCheckError(`timeoutMs of health check "${name}" ${timeoutProblem}.`);
  }
  if (category !== undefined && !isHealthCheckCategory(category)) {
    throw new InvalidHealthCheckError(
      `category of health check "${name}" must be 'liveness', 'readiness' or 'startup' (HealthCheckCategory.*), got ${describeValue(category)}.`,
    );
  }
  if (critical !== undefined && typeof critical !== 'boolean') {
    throw new InvalidHealthCheckError(
      `critical of health check "${name}" must be a boolean, got ${describeValue(critical)}.`,
    );
  }
  const valid: { timeoutMs?: number; category?: HealthCheckCategory; critical?: boolean } = {};
  if (timeoutMs !== undefined) valid.timeoutMs = timeoutMs as number;
  if (category !== undefined) valid.category = category;
  if (critical !== undefined) valid.critical = critical;
  return valid;
}

/** Layer options (later wins) and fill the defaults: readiness, critical, `defaultTimeoutMs`. */
export function resolveCheckOptions(
  defaultTimeoutMs: number,
  ...layers: readonly HealthCheckOptions[]
): ResolvedCheckOptions {
  let timeoutMs = defaultTimeoutMs;
  let category: HealthCheckCategory = HealthCheckCategory.Readiness;
  let critical = true;
  for (const layer of layers) {
    if (layer.timeoutMs !== undefined) timeoutMs = layer.timeoutMs;
    if (layer.category !== undefined) category = layer.category;
    if (layer.critical !== undefined) critical = layer.critical;
  }
  return { timeoutMs, category, critical };
}

import { MonitorConfigError, type ConfigFieldError } from '@lexigram/monitor-core';
import type { z } from 'zod';

/**
 * Parse `input` with `schema`, or throw one {@link MonitorConfigError} listing every bad field by
 * its path, so a user fixes them all at once and at start-up.
 *
 * @param source Name of the configuration in the error message, e.g. `PerformanceMonitorConfig`.
 */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  input: unknown,
  source: string,
): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const fields: ConfigFieldError[] = [];
  for (const issue of parsed.error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      // One entry per unknown key, so the message names the typo itself.
      for (const key of issue.keys) {
        fields.push({
          path: [...base, key].join('.'),
          message: 'unknown field: remove it or check its spelling',
        });
      }
      continue;
    }
    fields.push({ path: base.join('.'), message: issue.message });
  }
  throw new MonitorConfigError(fields, { source });
}

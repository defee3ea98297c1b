import type { z } from 'zod';
import { MonitorConfigError } from '../errors/configError.js';
import { fieldErrorsFromZod } from './zodIssues.js';

/** Where the options of {@link parseOptions} came from, for the error message. */
export interface ParseOptionsContext {
  /** Shown in the error, e.g. `Tracer options`. */
  readonly source: string;
  /** Dotted prefix of every field path, e.g. `tracing`. */
  readonly prefix?: string;
  /** Which environment variable set a path, to say so in its message. */
  readonly sources?: ReadonlyMap<string, string>;
}

/**
 * `input` parsed by `schema` (defaults applied), or one {@link MonitorConfigError} listing every
 * bad field by path. The one zod-issues mapping of every package.
 *
 * @example
 * ```ts
 * const config = parseOptions(MetricsConfigSchema, options, { source: 'MetricsCollector options', prefix: 'metrics' });
 * ```
 */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  input: unknown,
  context: ParseOptionsContext,
): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new MonitorConfigError(
    fieldErrorsFromZod(parsed.error, {
      ...(context.prefix === undefined ? {} : { prefix: context.prefix }),
      ...(context.sources === undefined ? {} : { sources: context.sources }),
    }),
    { source: context.source },
  );
}

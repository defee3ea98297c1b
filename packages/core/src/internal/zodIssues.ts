import type { z } from 'zod';
import type { ConfigFieldError } from '../errors/configError.js';

/** How {@link fieldErrorsFromZod} names the fields. */
export interface ZodIssueOptions {
  /** Dotted prefix of every path, e.g. `tracing` gives `tracing.sampleRate`. */
  readonly prefix?: string;
  /** Which environment variable set a path, to say so in its message. */
  readonly sources?: ReadonlyMap<string, string>;
}

/**
 * Turn zod issues into one error per field, by dotted path, with the env var that set it. An
 * unknown key gets an entry of its own (`a.x`, `a.y`), never one joined path.
 */
export function fieldErrorsFromZod(
  error: z.ZodError,
  options: ZodIssueOptions | ReadonlyMap<string, string> = {},
): ConfigFieldError[] {
  const { prefix, sources = new Map<string, string>() } =
    options instanceof Map ? { prefix: undefined, sources: options } : (options as ZodIssueOptions);
  const fields: ConfigFieldError[] = [];
  for (const issue of error.issues) {
    const base = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...base, key].join('.');
        fields.push({
          path,
          message: withSource('unknown field: remove it or check its spelling', path, sources),
        });
      }
      continue;
    }
    const path = base.join('.');
    fields.push({ path, message: withSource(issue.message, path, sources) });
  }
  return fields;
}

function withSource(message: string, path: string, sources: ReadonlyMap<string, string>): string {
  const source = sources.get(path);
  return source ? `${message} (set by environment variable ${source})` : message;
}

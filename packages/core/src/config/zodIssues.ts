import type { z } from 'zod';
import type { ConfigFieldError } from '../errors/configError.js';

/** Turn zod issues into one error per field, by dotted path, with the env var that set it. */
export function fieldErrorsFromZod(
  error: z.ZodError,
  sources: ReadonlyMap<string, string> = new Map(),
): ConfigFieldError[] {
  const fields: ConfigFieldError[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String);
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

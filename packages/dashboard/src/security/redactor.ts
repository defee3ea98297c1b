import { redactDeep } from '@lexigram/monitor-core';

/** Replaces secret-looking fields of a value before it leaves the process. */
export type Redactor = (value: unknown) => unknown;

/**
 * Field names (lower case) redacted by default: the logger's kind of secrets plus the usual
 * credentials found in span attributes and health details.
 */
export const DEFAULT_REDACTED_FIELDS: readonly string[] = [
  'password',
  'passwd',
  'secret',
  'token',
  'access_token',
  'refresh_token',
  'api_key',
  'apikey',
  'api-key',
  'authorization',
  'cookie',
  'set-cookie',
  'http.request.header.authorization',
  'http.request.header.cookie',
  'http.response.header.set-cookie',
  'db.connection_string',
  'connectionstring',
  'private_key',
  'client_secret',
];

// Names that look secret even when not listed: `x-api-key`, `db.password`, `stripeSecret`...
const SECRET_PATTERN =
  /(pass(word|wd)?|secret|token|api[-_.]?key|authorization|cookie|credential|private[-_.]?key)$/i;

/**
 * A redactor over `fields` (case-insensitive) plus every name ending in a secret-like word, at
 * any depth (core's `redactDeep`).
 */
export function createRedactor(fields: readonly string[] = DEFAULT_REDACTED_FIELDS): Redactor {
  const listed = new Set(fields.map((f) => f.toLowerCase()));
  // redactDeep matches exact names; wrap the set so it also answers for secret-looking names.
  const matcher = {
    size: listed.size + 1,
    has: (name: string) => listed.has(name) || SECRET_PATTERN.test(name),
  } as unknown as ReadonlySet<string>;
  return (value) => redactDeep(value, matcher);
}

const MAX_SHOWN = 60;

/**
 * A short, human description of an arbitrary value for error messages: its kind and a glimpse of
 * it (`a string ("ok")`, `a number (42)`, `an instance of Map`), never its whole content. The one
 * wording every package uses for "got …".
 */
export function describeValue(value: unknown): string {
  try {
    return describe(value);
  } catch {
    // e.g. a revoked Proxy: the message must still be built.
    return 'an unprintable value';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (length ${value.length})`;
  switch (typeof value) {
    case 'number':
    case 'boolean':
      return `a ${typeof value} (${String(value)})`;
    case 'bigint':
      return `a bigint (${value}n)`;
    case 'string':
      return `a string (${JSON.stringify(truncate(value))})`;
    case 'symbol':
      return `a symbol (${value.description ?? ''})`;
    case 'function':
      return value.name ? `a function (${value.name})` : 'a function';
    default: {
      const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
      const name = proto?.constructor?.name;
      return name && name !== 'Object' ? `an instance of ${name}` : 'an object';
    }
  }
}

function truncate(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** True for `{}` literals and `Object.create(null)` objects. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A name for an error message: a string quoted (`"http_requests"`), anything else described as
 * by {@link describeValue}, so `Invalid metric name "a b"` and `Invalid metric name a number (5)`
 * read alike across packages.
 */
export function quoteName(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
}

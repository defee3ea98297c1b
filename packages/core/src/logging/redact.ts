/** The value that replaces a redacted field. */
export const REDACTED = '[REDACTED]';

const MAX_DEPTH = 8;

/**
 * A copy of `value` with every field whose name is in `fields` (case-insensitive) replaced by
 * `[REDACTED]`, at any depth up to 8. Objects that hold no such field are returned as they are,
 * so the common case copies nothing. Cycles are left alone.
 */
export function redactDeep(
  value: unknown,
  fields: ReadonlySet<string>,
  depth = 0,
  seen = new WeakSet<object>(),
): unknown {
  if (fields.size === 0 || typeof value !== 'object' || value === null || depth > MAX_DEPTH)
    return value;
  if (seen.has(value) || value instanceof Error || ArrayBuffer.isView(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const next = redactDeep(value[i], fields, depth + 1, seen);
      if (next !== value[i]) (copy ??= [...(value as unknown[])])[i] = next;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const current = source[key];
    const next = fields.has(key.toLowerCase())
      ? REDACTED
      : redactDeep(current, fields, depth + 1, seen);
    if (next !== current) (copy ??= { ...source })[key] = next;
  }
  return copy ?? value;
}

const MAX_DEPTH = 8;
// A line of a V8 stack trace: "    at fn (file.js:1:2)".
const STACK_FRAME = /^\s*at\s+\S/;

/**
 * A message safe to show: stack-trace lines removed (in case a check put `err.stack` in it),
 * trimmed.
 */
export function cleanMessage(message: string): string {
  return message
    .split('\n')
    .filter((line) => !STACK_FRAME.test(line))
    .join('\n')
    .trim();
}

/**
 * A JSON-safe copy of check details that can never throw when serialized and never carries a
 * stack: errors become `{ name, message }`, `stack` keys are dropped, cycles become
 * `'[Circular]'`, bigints strings, and nesting is cut at a fixed depth.
 */
export function toSafeJson(value: unknown): unknown {
  return safe(value, 0, []);
}

function safe(value: unknown, depth: number, ancestors: object[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return null;
  const obj = value as object;
  if (ancestors.includes(obj)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (obj instanceof Error) return { name: obj.name, message: cleanMessage(obj.message) };
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? null : obj.toISOString();
  const inner = [...ancestors, obj];
  try {
    if (typeof (obj as { toJSON?: unknown }).toJSON === 'function') {
      return safe((obj as { toJSON(): unknown }).toJSON(), depth + 1, inner);
    }
    if (Array.isArray(obj)) return obj.map((item) => safe(item, depth + 1, inner) ?? null);
    if (obj instanceof Map) return safe(Object.fromEntries(obj), depth + 1, inner);
    if (obj instanceof Set) return safe([...obj], depth + 1, inner);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj)) {
      if (key === 'stack') continue;
      const item = safe((obj as Record<string, unknown>)[key], depth + 1, inner);
      if (item !== undefined) {
        Object.defineProperty(out, key, { value: item, enumerable: true, writable: true });
      }
    }
    return out;
  } catch {
    // A throwing getter or toJSON: say so instead of failing the whole health response.
    return '[Unserializable]';
  }
}

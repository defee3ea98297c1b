/** The value that replaces a redacted field. */
export const REDACTED = '[REDACTED]';

/** What a value nested deeper than {@link MAX_DEPTH} becomes: dropped, so nothing can leak. */
const TOO_DEEP = '[Object]';
/** What a reference back to an enclosing object becomes (as pino prints cycles). */
const CIRCULAR = '[Circular]';
/** What a value whose properties cannot be read becomes (revoked proxy, throwing getter). */
const UNREADABLE = '[Unreadable]';

/**
 * Deeper than this, objects are replaced by `[Object]` rather than walked: the recursion stays
 * bounded and a secret nested that deep is dropped with its subtree, never printed.
 */
const MAX_DEPTH = 64;

interface Walk {
  readonly fields: ReadonlySet<string>;
  /** Objects on the current path: meeting one again is a cycle. */
  readonly active: Set<object>;
  /** Finished objects and what they became, so a shared object maps to one copy. */
  readonly done: Map<object, unknown>;
  /** Whether a back reference becomes `[Circular]` (second pass) or stays as it is. */
  readonly strict: boolean;
  /** Set when a back reference was met and left as it is. */
  cycle: boolean;
}

/**
 * A copy of `value` with every field whose name is in `fields` (case-insensitive) replaced by
 * `[REDACTED]`, at any depth. Objects that hold no such field are returned as they are, so the
 * common case copies nothing. The walk follows what a JSON logger prints: the own properties of
 * `Error`s (also non-enumerable ones such as `cause`, kept as an `Error` so serializers still
 * recognise it), the result of `toJSON()`, and each object reached through a cycle once (the
 * back reference becomes `[Circular]`, so no copy points at an unredacted original). Objects
 * nested deeper than 64 levels become `[Object]`; values that throw when read become
 * `[Unreadable]`.
 */
export function redactDeep(value: unknown, fields: ReadonlySet<string>): unknown {
  if (fields.size === 0) return value;
  const loose: Walk = { fields, active: new Set(), done: new Map(), strict: false, cycle: false };
  const result = walk(value, loose, 0);
  // A copy made while a back reference was left alone would still point at the unredacted
  // original: walk again, cutting cycles. Without a copy there was nothing to hide.
  if (result === value || !loose.cycle) return result;
  return walk(value, { fields, active: new Set(), done: new Map(), strict: true, cycle: false }, 0);
}

function walk(value: unknown, state: Walk, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (ArrayBuffer.isView(value) || value instanceof Date) return value;
  if (state.active.has(value)) {
    state.cycle = true;
    return state.strict ? CIRCULAR : value;
  }
  const known = state.done.get(value);
  if (known !== undefined) return known;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  state.active.add(value);
  let result: unknown;
  try {
    result = walkObject(value, state, depth);
  } catch {
    result = UNREADABLE;
  }
  state.active.delete(value);
  state.done.set(value, result);
  return result;
}

function walkObject(value: object, state: Walk, depth: number): unknown {
  if (value instanceof Error) return walkError(value, state, depth);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const json: unknown = toJSON.call(value);
    const next = walk(json, state, depth + 1);
    return next === json ? value : next;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = walk(item, state, depth + 1);
      if (next !== item) (copy ??= [...(value as unknown[])])[i] = next;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const current = source[key];
    const next = redactField(key, current, state, depth);
    if (next !== current) (copy ??= { ...source })[key] = next;
  }
  return copy ?? value;
}

function redactField(key: string, current: unknown, state: Walk, depth: number): unknown {
  return state.fields.has(key.toLowerCase()) ? REDACTED : walk(current, state, depth + 1);
}

/**
 * Errors are copied onto the same prototype so pino's error serializer still prints `type`,
 * `message` and `stack`; every own property (enumerable or not) is walked.
 */
function walkError(error: Error, state: Walk, depth: number): unknown {
  let changed: Map<string, unknown> | undefined;
  const names = Object.getOwnPropertyNames(error);
  for (const key of names) {
    const current = (error as unknown as Record<string, unknown>)[key];
    const next = redactField(key, current, state, depth);
    if (next !== current) (changed ??= new Map()).set(key, next);
  }
  if (!changed) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Record<string, unknown>;
  for (const key of names) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key)!;
    const value = changed.has(key)
      ? changed.get(key)
      : (error as unknown as Record<string, unknown>)[key];
    Object.defineProperty(copy, key, {
      value,
      enumerable: descriptor.enumerable,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

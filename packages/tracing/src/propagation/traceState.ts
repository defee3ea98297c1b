import { SpanError } from '@lexigram/monitor-core';

/** Most list members a `tracestate` may hold (W3C Trace Context). */
export const MAX_TRACE_STATE_MEMBERS = 32;
/**
 * Longest serialized `tracestate` this library propagates. The spec asks vendors to propagate at
 * least 512 characters and to document their limit; 512 is that limit.
 */
export const MAX_TRACE_STATE_LENGTH = 512;
/** Entries longer than this are the first to go when a header is truncated (spec advice). */
const LONG_ENTRY_LENGTH = 128;

// The grammar below as one native regex, for the common case of a header that needs no
// trimming: 1 to 32 `key=value` members, nothing else (a comma or "=" cannot occur inside a
// key or value, so members cannot run into each other and matching stays linear).
const KEY_PATTERN = '[a-z0-9][a-z0-9_\\-*/@]{0,255}';
const VALUE_PATTERN =
  '[\\x20-\\x2b\\x2d-\\x3c\\x3e-\\x7e]{0,255}[\\x21-\\x2b\\x2d-\\x3c\\x3e-\\x7e]';
const MEMBER_PATTERN = `${KEY_PATTERN}=${VALUE_PATTERN}`;
const CLEAN_HEADER = new RegExp(`^${MEMBER_PATTERN}(?:,${MEMBER_PATTERN}){0,31}$`);

/**
 * `key = ( lcalpha / DIGIT ) 0*255 ( keychar )`, `keychar = lcalpha / DIGIT / "_" / "-" / "*" /
 * "/" / "@"` (Trace Context Level 2).
 */
export function isValidTraceStateKey(key: string): boolean {
  const length = key.length;
  if (length === 0 || length > 256) return false;
  const first = key.charCodeAt(0);
  if (!((first >= 97 && first <= 122) || (first >= 48 && first <= 57))) return false;
  for (let i = 1; i < length; i++) {
    const c = key.charCodeAt(i);
    const ok =
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      c === 95 || // _
      c === 45 || // -
      c === 42 || // *
      c === 47 || // /
      c === 64; // @
    if (!ok) return false;
  }
  return true;
}

/**
 * `value = 0*255(chr) nblk-chr`: 1 to 256 printable ASCII characters other than `,` and `=`,
 * not ending in a space.
 */
export function isValidTraceStateValue(value: string): boolean {
  const length = value.length;
  if (length === 0 || length > 256) return false;
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x2c || c === 0x3d) return false;
  }
  return value.charCodeAt(length - 1) !== 0x20;
}

/**
 * A W3C `tracestate`: an ordered list of up to 32 vendor `key=value` members. Immutable:
 * `set` and `delete` return a new instance. `set` puts the member first, as the spec requires
 * of an updated or added member.
 *
 * @example
 * ```ts
 * const state = TraceState.parse(req.headers.tracestate) ?? new TraceState();
 * const next = state.set('lexigram', spanId); // moved to the front
 * headers.tracestate = next.serialize();
 * ```
 */
export class TraceState {
  // Not readonly only so the static factories can adopt an already-validated map.
  private members: ReadonlyMap<string, string>;

  /** A trace state holding `members` in order (validated, first 32 kept). */
  constructor(members: Iterable<readonly [string, string]> = []) {
    const map = new Map<string, string>();
    for (const [key, value] of members) {
      assertMember(key, value);
      if (!map.has(key) && map.size < MAX_TRACE_STATE_MEMBERS) map.set(key, value);
    }
    this.members = map;
  }

  /**
   * Parse one or more `tracestate` header values (several header fields are combined in order,
   * as RFC 7230 field order requires). Empty and whitespace-only members are ignored.
   *
   * A key that repeats keeps its first value (the later ones are dropped), so the state is still
   * inherited. Returns `undefined` when the combined value is invalid and must be discarded: a
   * member that breaks the key or value grammar, or more than 32 members. A valid state longer
   * than 512 characters is truncated by whole entries. A value that is not a string (or an array
   * of strings) counts as absent. Never throws.
   */
  static parse(header: string | readonly string[] | null | undefined): TraceState | undefined {
    const combined = combineHeader(header);
    if (combined === undefined) return undefined;
    const scanned = scan(combined);
    if (scanned === undefined) return undefined;
    const members = new Map<string, string>();
    for (let i = 0; i < scanned.keys.length; i++) members.set(scanned.keys[i]!, scanned.values[i]!);
    return TraceState.fromMap(truncate(members));
  }

  /**
   * The `tracestate` to propagate for these header values, as {@link TraceState.parse} followed
   * by {@link TraceState.serialize} would give it, or `undefined` when invalid (or empty). A
   * valid header that needs no trimming or truncation comes back as it is, without building a
   * trace state: the common case when continuing a trace.
   */
  static normalize(header: string | readonly string[] | null | undefined): string | undefined {
    const combined = combineHeader(header);
    if (combined === undefined) return undefined;
    if (
      combined.length <= MAX_TRACE_STATE_LENGTH &&
      CLEAN_HEADER.test(combined) &&
      !hasDuplicateKeys(combined)
    ) {
      return combined;
    }
    return TraceState.parse(combined)?.serialize() || undefined;
  }

  /** Number of members. */
  get size(): number {
    return this.members.size;
  }

  /** The value of `key`, if present. */
  get(key: string): string | undefined {
    return this.members.get(key);
  }

  /** Member keys, first first. */
  keys(): string[] {
    return [...this.members.keys()];
  }

  /**
   * A new state with `key=value` first (an existing `key` is moved to the front). When that
   * makes 33 members, the last one is dropped.
   *
   * @throws SpanError when the key or value breaks the W3C grammar.
   */
  set(key: string, value: string): TraceState {
    assertMember(key, value);
    const next = new Map<string, string>([[key, value]]);
    for (const [k, v] of this.members) {
      if (k !== key && next.size < MAX_TRACE_STATE_MEMBERS) next.set(k, v);
    }
    return TraceState.fromMap(next);
  }

  /** A new state without `key`. */
  delete(key: string): TraceState {
    if (!this.members.has(key)) return this;
    const next = new Map(this.members);
    next.delete(key);
    return TraceState.fromMap(next);
  }

  /**
   * The header value, at most 512 characters: when longer, entries over 128 characters are
   * removed first, then entries from the end, as the spec requires (whole entries only).
   */
  serialize(): string {
    return serializeMembers(truncate(this.members));
  }

  /** Same as {@link TraceState.serialize}. */
  toString(): string {
    return this.serialize();
  }

  private static fromMap(members: ReadonlyMap<string, string>): TraceState {
    const state = new TraceState();
    state.members = members;
    return state;
  }
}

/**
 * One header value from what a carrier holds: a string, or the strings of an array joined (RFC
 * 7230 field order). Anything else (`null`, a number, an object from a hand-built carrier) is
 * treated as absent rather than thrown on.
 */
export function combineHeader(header: unknown): string | undefined {
  if (typeof header === 'string') return header;
  if (!Array.isArray(header)) return undefined;
  const parts = (header as unknown[]).filter((part): part is string => typeof part === 'string');
  return parts.length === 0 ? undefined : parts.join(',');
}

function assertMember(key: string, value: string): void {
  if (!isValidTraceStateKey(key)) {
    throw new SpanError(
      `Invalid tracestate key ${JSON.stringify(key)}: use 1-256 characters of a-z, 0-9, _ - * / @, starting with a letter or digit.`,
    );
  }
  if (!isValidTraceStateValue(value)) {
    throw new SpanError(
      `Invalid tracestate value ${JSON.stringify(value)} for key "${key}": use 1-256 printable ASCII characters other than "," and "=", not ending in a space.`,
    );
  }
}

interface Scanned {
  readonly keys: string[];
  readonly values: string[];
}

/**
 * Split and validate a combined `tracestate`. A repeated key keeps its first value. `undefined`
 * when a member breaks the grammar or there are more than 32 members: the whole header is then
 * discarded.
 */
function scan(combined: string): Scanned | undefined {
  const keys: string[] = [];
  const values: string[] = [];
  let start = 0;
  while (start <= combined.length) {
    let end = combined.indexOf(',', start);
    if (end < 0) end = combined.length;
    const raw = combined.slice(start, end);
    start = end + 1;
    const member = trimOws(raw);
    if (member === '') continue;
    const eq = member.indexOf('=');
    if (eq <= 0) return undefined;
    const key = member.slice(0, eq);
    const value = member.slice(eq + 1);
    if (!isValidTraceStateKey(key) || !isValidTraceStateValue(value)) return undefined;
    if (keys.includes(key)) continue;
    if (keys.length === MAX_TRACE_STATE_MEMBERS) return undefined;
    keys.push(key);
    values.push(value);
  }
  return { keys, values };
}

/** True when a header matching CLEAN_HEADER repeats a key. */
function hasDuplicateKeys(clean: string): boolean {
  let comma = clean.indexOf(',');
  if (comma < 0) return false;
  const keys: string[] = [];
  let start = 0;
  for (;;) {
    const key = clean.slice(start, clean.indexOf('=', start));
    if (keys.includes(key)) return true;
    keys.push(key);
    if (comma < 0) return false;
    start = comma + 1;
    comma = clean.indexOf(',', start);
  }
}

function trimOws(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && (value.charCodeAt(start) === 32 || value.charCodeAt(start) === 9)) start++;
  while (end > start && (value.charCodeAt(end - 1) === 32 || value.charCodeAt(end - 1) === 9)) {
    end--;
  }
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function serializeMembers(members: ReadonlyMap<string, string>): string {
  let out = '';
  for (const [key, value] of members) out += out === '' ? `${key}=${value}` : `,${key}=${value}`;
  return out;
}

/** Length of the serialized members: each `key=value` plus the commas between them. */
function serializedLength(members: ReadonlyMap<string, string>): number {
  let length = members.size > 0 ? members.size - 1 : 0;
  for (const [key, value] of members) length += key.length + 1 + value.length;
  return length;
}

function truncate(members: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  let length = serializedLength(members);
  if (length <= MAX_TRACE_STATE_LENGTH) return members;
  const kept = new Map(members);
  for (const [key, value] of members) {
    if (length <= MAX_TRACE_STATE_LENGTH) break;
    const entry = key.length + 1 + value.length;
    if (entry > LONG_ENTRY_LENGTH) {
      kept.delete(key);
      length -= entry + (kept.size > 0 ? 1 : 0);
    }
  }
  const keys = [...kept.keys()];
  for (let i = keys.length - 1; i >= 0 && length > MAX_TRACE_STATE_LENGTH; i--) {
    const key = keys[i]!;
    length -= key.length + 1 + kept.get(key)!.length + (kept.size > 1 ? 1 : 0);
    kept.delete(key);
  }
  return kept;
}

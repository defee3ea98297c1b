import { SpanError } from '@lexigram/monitor-core';
import { combineHeader } from './traceState.js';

/** Header name of W3C Baggage. */
export const BAGGAGE_HEADER = 'baggage';
/** Most list members read or written (the W3C Baggage grammar allows 180). */
export const MAX_BAGGAGE_MEMBERS = 180;
/** Longest `baggage` header written, in bytes (the spec's minimum to propagate). */
export const MAX_BAGGAGE_BYTES = 8192;

/** One baggage entry. */
export interface BaggageEntry {
  /** The decoded value. */
  readonly value: string;
  /** Properties after the value (`;key=value;flag`), kept as written. */
  readonly metadata?: string | undefined;
}

/** RFC 7230 `tchar`: the characters of a `token` such as a baggage key. */
function isTokenChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x21 || // !
    (c >= 0x23 && c <= 0x27) || // # $ % & '
    c === 0x2a || // *
    c === 0x2b || // +
    c === 0x2d || // -
    c === 0x2e || // .
    c === 0x5e || // ^
    c === 0x5f || // _
    c === 0x60 || // `
    c === 0x7c || // |
    c === 0x7e // ~
  );
}

/** True when `key` is a valid baggage key (an RFC 7230 token). */
export function isValidBaggageKey(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) if (!isTokenChar(key.charCodeAt(i))) return false;
  return true;
}

/** `baggage-octet`: printable ASCII except space, `"`, `,`, `;` and `\`. */
function isBaggageOctet(c: number): boolean {
  return (
    c === 0x21 ||
    (c >= 0x23 && c <= 0x2b) ||
    (c >= 0x2d && c <= 0x3a) ||
    (c >= 0x3c && c <= 0x5b) ||
    (c >= 0x5d && c <= 0x7e)
  );
}

function isEncodedValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!isBaggageOctet(value.charCodeAt(i))) return false;
  return true;
}

/** U+FFFD, UTF-8 and percent-encoded: what a lone surrogate (not encodable as UTF-8) becomes. */
const REPLACEMENT = '%EF%BF%BD';

/** Percent-encode what `baggage-octet` does not allow (and `%` itself). */
function encodeValue(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && isBaggageOctet(c) && c !== 0x25) out += ch;
    else if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) out += REPLACEMENT;
    else out += encodeURIComponent(ch);
  }
  return out;
}

/**
 * W3C Baggage: application key/value pairs propagated with the trace (`baggage` header).
 * Immutable; `set` and `delete` return a new instance.
 *
 * @example
 * ```ts
 * const baggage = Baggage.parse(req.headers.baggage).set('tenant', 'acme');
 * await tracer.withBaggage(baggage, () => callDownstream()); // injected with the trace context
 * ```
 */
export class Baggage {
  private readonly entries: ReadonlyMap<string, BaggageEntry>;

  /** Baggage holding `entries` (keys validated). */
  constructor(entries: Iterable<readonly [string, string | BaggageEntry]> = []) {
    const map = new Map<string, BaggageEntry>();
    for (const [key, entry] of entries) {
      assertKey(key);
      map.set(key, typeof entry === 'string' ? { value: entry } : entry);
    }
    this.entries = map;
  }

  /**
   * Parse `baggage` header values (several are combined in order). Invalid members are
   * skipped, members past 180 dropped, values percent-decoded. A value that is not a string (or
   * an array of strings) counts as absent. Never throws.
   */
  static parse(header: string | readonly string[] | null | undefined): Baggage {
    const combined = combineHeader(header);
    if (combined === undefined) return EMPTY;
    const entries: [string, BaggageEntry][] = [];
    for (const raw of combined.split(',')) {
      if (entries.length >= MAX_BAGGAGE_MEMBERS) break;
      const parsed = parseMember(raw);
      if (parsed) entries.push(parsed);
    }
    return entries.length === 0 ? EMPTY : new Baggage(entries);
  }

  /** Number of entries. */
  get size(): number {
    return this.entries.size;
  }

  /** The entry of `key`, if any. */
  getEntry(key: string): BaggageEntry | undefined {
    return this.entries.get(key);
  }

  /** The value of `key`, if any. */
  get(key: string): string | undefined {
    return this.entries.get(key)?.value;
  }

  /** Every entry, in order. */
  getAll(): [string, BaggageEntry][] {
    return [...this.entries];
  }

  /**
   * A new baggage with `key` set.
   *
   * @throws SpanError when `key` is not an RFC 7230 token.
   */
  set(key: string, value: string, metadata?: string): Baggage {
    assertKey(key);
    const next = new Map(this.entries);
    next.set(key, metadata === undefined ? { value } : { value, metadata });
    return new Baggage(next);
  }

  /** A new baggage without `key`. */
  delete(key: string): Baggage {
    if (!this.entries.has(key)) return this;
    const next = new Map(this.entries);
    next.delete(key);
    return new Baggage(next);
  }

  /**
   * The `baggage` header value: values percent-encoded, at most 180 members and 8192 bytes
   * (whole members that do not fit are left out).
   */
  serialize(): string {
    let out = '';
    let count = 0;
    for (const [key, entry] of this.entries) {
      if (count >= MAX_BAGGAGE_MEMBERS) break;
      const member = `${key}=${encodeValue(entry.value)}${entry.metadata ? `;${entry.metadata}` : ''}`;
      const next = out === '' ? member : `${out},${member}`;
      if (Buffer.byteLength(next) > MAX_BAGGAGE_BYTES) continue;
      out = next;
      count++;
    }
    return out;
  }

  /** Same as {@link Baggage.serialize}. */
  toString(): string {
    return this.serialize();
  }
}

const EMPTY = new Baggage();

function assertKey(key: string): void {
  if (!isValidBaggageKey(key)) {
    throw new SpanError(
      `Invalid baggage key ${JSON.stringify(key)}: use a token of letters, digits and !#$%&'*+-.^_\`|~.`,
    );
  }
}

function parseMember(raw: string): [string, BaggageEntry] | undefined {
  const semicolon = raw.indexOf(';');
  const pair = semicolon < 0 ? raw : raw.slice(0, semicolon);
  const eq = pair.indexOf('=');
  if (eq < 0) return undefined;
  const key = pair.slice(0, eq).trim();
  const encoded = pair.slice(eq + 1).trim();
  if (!isValidBaggageKey(key) || !isEncodedValue(encoded)) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(encoded);
  } catch {
    return undefined; // a broken percent-escape makes the member invalid
  }
  const metadata = semicolon < 0 ? undefined : raw.slice(semicolon + 1).trim();
  return [key, metadata ? { value, metadata } : { value }];
}

import fc from 'fast-check';
import { SpanError } from '@lexigram/monitor-core';
import {
  MAX_TRACE_STATE_LENGTH,
  TraceState,
  isValidTraceStateKey,
  isValidTraceStateValue,
} from '../../src/propagation/traceState.js';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)).join('');

describe('TraceState.parse', () => {
  it('reads members in order', () => {
    const state = TraceState.parse('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE')!;
    expect(state.keys()).toEqual(['rojo', 'congo']);
    expect(state.get('congo')).toBe('t61rcWkgMzE');
    expect(state.serialize()).toBe('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE');
  });

  it('combines several header fields in order and ignores empty ones', () => {
    const state = TraceState.parse(['foo=1,bar=2', 'rojo=1,congo=2', '', 'baz=3'])!;
    expect(state.serialize()).toBe('foo=1,bar=2,rojo=1,congo=2,baz=3');
    expect(TraceState.parse(['', 'foo=1'])!.serialize()).toBe('foo=1');
    expect(TraceState.parse('')!.size).toBe(0);
  });

  it('ignores spaces and tabs around members', () => {
    for (const header of ['foo=1 \t , \t bar=2, \t baz=3', 'foo=1\t \t,\t \tbar=2,\t \tbaz=3']) {
      expect(TraceState.parse(header)!.serialize()).toBe('foo=1,bar=2,baz=3');
    }
    expect(TraceState.parse('\t foo=1 \t')!.get('foo')).toBe('1');
  });

  it('keeps every allowed key and value character', () => {
    const key = `${range(0x61, 0x7a)}0123456789_-*/`;
    const value = range(0x20, 0x2b) + range(0x2d, 0x3c) + range(0x3e, 0x7e);
    expect(TraceState.parse(`${key}=${value}`)!.get(key)).toBe(value);
    expect(TraceState.parse(`${key}@a-z0-9_-*/=${value}`)!.get(`${key}@a-z0-9_-*/`)).toBe(value);
    expect(TraceState.parse('0abc=1')!.get('0abc')).toBe('1');
  });

  it.each([
    ['a space in a key', 'foo =1'],
    ['an uppercase key', 'FOO=1'],
    ['a dot in a key', 'foo.bar=1'],
    ['a key starting with @', '@foo=1,bar=2'],
    ['a key of 257 characters', `foo=1,${'z'.repeat(257)}=1`],
    // One bad character per key, below and above each allowed range.
    ['an uppercase letter after the first', 'fOo=1'],
    ['a colon in a key', 'f:o=1'],
    ['a brace in a key', 'fo{=1'],
    ['a tilde in a key', 'fo~=1'],
    ['a key starting with a tilde', '~foo=1'],
    ['a key starting with a brace', '{foo=1'],
    ['a key starting with a dash', '-foo=1'],
    ['a key starting with a star', '*foo=1'],
    ['a key starting with a colon', ':foo=1'],
    ['a non-ASCII value character', 'foo=café'],
    ['a DEL value character', 'foo=a\u007fb'],
    ['an equals sign in a value', 'foo=bar=baz'],
    ['an empty value', 'foo=,bar=3'],
    ['a member without "="', 'foo,bar=3'],
    ['a value of 257 characters', `foo=${'v'.repeat(257)}`],
    ['a non-printable value character', 'foo=a\u0001b'],
    ['33 members', Array.from({ length: 33 }, (_, i) => `k${i}=${i}`).join(',')],
  ])('discards the whole header with %s', (_case, header) => {
    expect(TraceState.parse(header)).toBeUndefined();
    expect(TraceState.normalize(header)).toBeUndefined();
  });

  it.each([
    ['a duplicated key', 'foo=1,foo=2', 'foo=1'],
    ['a key duplicated across fields', ['foo=1', 'bar=2,foo=3'], 'foo=1,bar=2'],
    ['a key repeated three times', 'a=1,b=2,a=3,c=4,a=5', 'a=1,b=2,c=4'],
  ])('inherits a header with %s, keeping the first occurrence', (_case, header, expected) => {
    expect(TraceState.parse(header)!.serialize()).toBe(expected);
    expect(TraceState.normalize(header)).toBe(expected);
  });

  it('keeps the first value of every repeated key, for any list of members', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('a', 'b', 'c', 'vendor@x', 'k9'),
            fc.stringMatching(/^[a-z0-9]{1,8}$/),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (members) => {
          const header = members.map(([k, v]) => `${k}=${v}`).join(',');
          const first = new Map<string, string>();
          for (const [k, v] of members) if (!first.has(k)) first.set(k, v);
          const expected = [...first].map(([k, v]) => `${k}=${v}`).join(',');
          expect(TraceState.parse(header)?.serialize()).toBe(expected);
          expect(TraceState.normalize(header)).toBe(expected);
        },
      ),
    );
  });

  it('accepts 32 members over several fields and a key of 256 characters', () => {
    const members = Array.from(
      { length: 32 },
      (_, i) => `bar${String(i + 1).padStart(2, '0')}=${i}`,
    );
    const state = TraceState.parse([members.slice(0, 10).join(','), members.slice(10).join(',')])!;
    expect(state.size).toBe(32);
    expect(state.get('bar01')).toBe('0');
    expect(TraceState.parse(['foo=1', `${'z'.repeat(256)}=1`])!.get('foo')).toBe('1');
  });

  it('accepts a value of exactly 256 characters, and the edges of every character range', () => {
    const value = `${'v'.repeat(255)}~`;
    expect(TraceState.parse(`foo=${value}`)!.get('foo')).toBe(value);
    expect(isValidTraceStateValue(value)).toBe(true);
    expect(isValidTraceStateValue(`${value}v`)).toBe(false);
    expect(TraceState.parse('z9=1,0z=2,a_-*/@z09=3')!.keys()).toEqual(['z9', '0z', 'a_-*/@z09']);
    expect(TraceState.parse('foo= !~')!.get('foo')).toBe(' !~');
  });

  it('drops trailing spaces of a value as optional whitespace but keeps leading ones', () => {
    expect(TraceState.parse('foo=  1  ')!.get('foo')).toBe('  1');
  });

  it('truncates an over-long header by whole entries: long entries first, then from the end', () => {
    const long = `big=${'x'.repeat(200)}`;
    const small = Array.from(
      { length: 20 },
      (_, i) => `k${String(i).padStart(2, '0')}=${'v'.repeat(20)}`,
    );
    const state = TraceState.parse([small.slice(0, 5).join(','), long, small.slice(5).join(',')])!;
    const serialized = state.serialize();
    expect(serialized.length).toBeLessThanOrEqual(MAX_TRACE_STATE_LENGTH);
    expect(state.get('big')).toBeUndefined();
    // 20 entries of 24 characters + commas is 499 characters: all fit once "big" is gone.
    expect(state.keys()).toEqual(small.map((m) => m.split('=')[0]));

    const many = Array.from(
      { length: 30 },
      (_, i) => `k${String(i).padStart(2, '0')}=${'v'.repeat(20)}`,
    );
    const cut = TraceState.parse(many.join(','))!;
    expect(cut.serialize().length).toBeLessThanOrEqual(MAX_TRACE_STATE_LENGTH);
    expect(cut.keys()).toEqual(many.slice(0, cut.size).map((m) => m.split('=')[0]));
    expect(cut.size).toBe(20);
    expect(TraceState.normalize(many.join(','))).toBe(cut.serialize());
  });

  /** A member of exactly `length` characters (`key=vvv…`). */
  const entry = (key: string, length: number) => `${key}=${'v'.repeat(length - key.length - 1)}`;

  it('keeps a header of exactly 512 characters whole, even with an entry of 128', () => {
    const members = [entry('a', 128), entry('b', 127), entry('c', 127), entry('d', 127)];
    const header = members.join(',');
    expect(header.length).toBe(MAX_TRACE_STATE_LENGTH);
    expect(TraceState.parse(header)!.serialize()).toBe(header);
    expect(TraceState.normalize(header)).toBe(header);
  });

  it('cuts a header of 513 characters from the end when no entry is over 128', () => {
    const members = [entry('a', 128), entry('b', 127), entry('c', 127), entry('d', 128)];
    expect(members.join(',').length).toBe(MAX_TRACE_STATE_LENGTH + 1);
    const state = TraceState.parse(members.join(','))!;
    expect(state.keys()).toEqual(['a', 'b', 'c']);
    expect(TraceState.normalize(members.join(','))).toBe(members.slice(0, 3).join(','));
  });

  it.each([
    {
      title: 'drops long entries only until the header fits: exactly 512 after the first',
      lengths: { l1: 200, l2: 209, s1: 100, s2: 100, s3: 100 },
      over: 201,
      kept: ['l2', 's1', 's2', 's3'],
    },
    {
      title: 'drops entries from the end only until the header fits: exactly 512 after one',
      lengths: { a: 100, b: 100, c: 100, d: 100, e: 108, f: 100 },
      over: 101,
      kept: ['a', 'b', 'c', 'd', 'e'],
    },
  ])('$title', ({ lengths, over, kept }) => {
    const members = Object.entries(lengths).map(([key, length]) => entry(key, length));
    expect(members.join(',').length).toBe(MAX_TRACE_STATE_LENGTH + over);
    const state = TraceState.parse(members.join(','))!;
    expect(state.keys()).toEqual(kept);
    expect(state.serialize().length).toBe(MAX_TRACE_STATE_LENGTH);
  });

  it('normalize returns a clean header unchanged and cleans up the rest', () => {
    const header = 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE';
    expect(TraceState.normalize(header)).toBe(header);
    expect(TraceState.normalize(' foo=1 , bar=2,')).toBe('foo=1,bar=2');
    expect(TraceState.normalize('')).toBeUndefined();
    expect(TraceState.normalize(undefined)).toBeUndefined();
  });
});

describe('TraceState mutations', () => {
  it('moves an updated member to the front and adds new ones first', () => {
    const state = TraceState.parse('congo=congosFirstPosition,rojo=rojosFirstPosition')!;
    const updated = state.set('congo', 'congosSecondPosition');
    expect(updated.serialize()).toBe('congo=congosSecondPosition,rojo=rojosFirstPosition');
    const added = updated.set('lexigram', 'abc');
    expect(added.keys()).toEqual(['lexigram', 'congo', 'rojo']);
    expect(state.serialize()).toBe('congo=congosFirstPosition,rojo=rojosFirstPosition');
  });

  it('drops the last member when a 33rd is added', () => {
    const full = new TraceState(Array.from({ length: 32 }, (_, i) => [`k${i}`, `${i}`] as const));
    const next = full.set('new', 'x');
    expect(next.size).toBe(32);
    expect(next.keys()[0]).toBe('new');
    expect(next.get('k31')).toBeUndefined();
  });

  it('constructs from members keeping the first of a repeated key and at most 32', () => {
    const state = new TraceState([
      ['a', '1'],
      ['b', '2'],
      ['a', '3'],
    ]);
    expect(state.serialize()).toBe('a=1,b=2');
    const many = new TraceState(Array.from({ length: 33 }, (_, i) => [`k${i}`, `${i}`] as const));
    expect(many.size).toBe(32);
    expect(many.get('k31')).toBe('31');
    expect(many.get('k32')).toBeUndefined();
  });

  it('deletes members', () => {
    const state = TraceState.parse('a=1,b=2')!;
    expect(state.delete('a').serialize()).toBe('b=2');
    expect(state.delete('zz')).toBe(state);
  });

  it('throws a SpanError that says what is allowed for a bad key or value', () => {
    const state = new TraceState();
    expect(() => state.set('Bad', '1')).toThrow(SpanError);
    expect(() => state.set('ok', 'a,b')).toThrow(/printable ASCII/);
    expect(() => new TraceState([['x', 'y ']])).toThrow(SpanError);
  });
});

describe('tracestate grammar', () => {
  it('validates keys and values', () => {
    expect(isValidTraceStateKey('vendor@tenant')).toBe(true);
    expect(isValidTraceStateKey('')).toBe(false);
    expect(isValidTraceStateKey('_x')).toBe(false);
    expect(isValidTraceStateValue(' lead')).toBe(true);
    expect(isValidTraceStateValue('trail ')).toBe(false);
    expect(isValidTraceStateValue('')).toBe(false);
  });
});

const keyArb = fc
  .tuple(
    fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
    fc.string({ unit: fc.constantFrom(...'abcxyz0189_-*/@'), maxLength: 20 }),
  )
  .map(([a, b]) => a + b);
const valueArb = fc
  .string({
    unit: fc.constantFrom(...(range(0x20, 0x2b) + range(0x2d, 0x3c) + range(0x3e, 0x7e))),
    minLength: 1,
    maxLength: 30,
  })
  .filter((v) => !v.endsWith(' '));
const membersArb = fc.uniqueArray(fc.tuple(keyArb, valueArb), {
  selector: ([k]) => k,
  maxLength: 32,
});

describe('TraceState properties', () => {
  it('never throws while parsing random or near-valid headers', () => {
    const nearValid = fc
      .tuple(membersArb, fc.nat(), fc.string({ maxLength: 3 }))
      .map(([members, at, junk]) => {
        const header = members.map(([k, v]) => `${k}=${v}`).join(',');
        const i = header.length === 0 ? 0 : at % header.length;
        return header.slice(0, i) + junk + header.slice(i);
      });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), nearValid), (header) => {
        const state = TraceState.parse(header);
        if (state) {
          expect(state.size).toBeLessThanOrEqual(32);
          expect(state.serialize().length).toBeLessThanOrEqual(MAX_TRACE_STATE_LENGTH);
          expect(TraceState.normalize(header)).toBe(state.serialize() || undefined);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips valid headers', () => {
    fc.assert(
      fc.property(membersArb, (members) => {
        const header = members.map(([k, v]) => `${k}=${v}`).join(',');
        const state = TraceState.parse(header)!;
        expect(state).toBeDefined();
        const serialized = state.serialize();
        if (header.length <= MAX_TRACE_STATE_LENGTH) expect(serialized).toBe(header);
        expect(TraceState.parse(serialized)!.serialize()).toBe(serialized);
      }),
      { numRuns: 1000 },
    );
  });
});

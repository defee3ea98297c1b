import fc from 'fast-check';
import { SpanError } from '@lexigram/monitor-core';
import {
  Baggage,
  MAX_BAGGAGE_BYTES,
  MAX_BAGGAGE_MEMBERS,
  isValidBaggageKey,
} from '../../src/propagation/baggage.js';

/** `value` with lone surrogates replaced by U+FFFD (String#toWellFormed, not in our TS lib). */
function wellFormed(value: string): string {
  return value.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}

describe('Baggage', () => {
  it('parses members with optional whitespace, properties and percent-encoded values', () => {
    const baggage = Baggage.parse(
      'userId=alice, serverNode = DF%2028 ,isProduction=false;ttl=60;secret',
    );
    expect(baggage.get('userId')).toBe('alice');
    expect(baggage.get('serverNode')).toBe('DF 28');
    expect(baggage.getEntry('isProduction')).toEqual({ value: 'false', metadata: 'ttl=60;secret' });
    expect(baggage.size).toBe(3);
  });

  it('combines several header fields and skips invalid members', () => {
    const baggage = Baggage.parse(['a=1', 'bad key=2,b=%zz,c="q",d=4', 'noequals']);
    expect(baggage.getAll().map(([k]) => k)).toEqual(['a', 'd']);
  });

  it('serializes with percent-encoding and round-trips', () => {
    const baggage = new Baggage().set('user', 'Ann Ö, 50%').set('flag', 'on', 'ttl=5');
    const header = baggage.serialize();
    expect(header).toBe('user=Ann%20%C3%96%2C%2050%25,flag=on;ttl=5');
    expect(Baggage.parse(header).getAll()).toEqual(baggage.getAll());
  });

  it('writes a lone surrogate (not valid UTF-16) as U+FFFD instead of throwing', () => {
    const header = new Baggage().set('k', 'a\ud800b').serialize();
    expect(header).toBe('k=a%EF%BF%BDb');
    expect(Baggage.parse(header).get('k')).toBe('a\ufffdb');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (value) => {
        const parsed = Baggage.parse(new Baggage().set('k', value).serialize());
        expect(parsed.get('k')).toBe(wellFormed(value));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps at most 180 members and 8192 bytes', () => {
    const many = Array.from({ length: 200 }, (_, i) => `k${i}=${i}`).join(',');
    expect(Baggage.parse(many).size).toBe(MAX_BAGGAGE_MEMBERS);
    const big = new Baggage(
      Array.from({ length: 10 }, (_, i) => [`k${i}`, 'x'.repeat(1000)] as const),
    );
    const header = big.serialize();
    expect(Buffer.byteLength(header)).toBeLessThanOrEqual(MAX_BAGGAGE_BYTES);
    expect(Baggage.parse(header).size).toBe(8);
  });

  it('is immutable and rejects keys that are not tokens', () => {
    const empty = new Baggage();
    const one = empty.set('a', '1');
    expect(empty.size).toBe(0);
    expect(one.delete('a').size).toBe(0);
    expect(one.delete('missing')).toBe(one);
    expect(() => empty.set('bad key', 'x')).toThrow(SpanError);
    expect(isValidBaggageKey('x-tenant.id')).toBe(true);
    expect(isValidBaggageKey('a,b')).toBe(false);
  });

  it('never throws on random headers and round-trips what it keeps', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        const baggage = Baggage.parse(header);
        expect(Baggage.parse(baggage.serialize()).getAll()).toEqual(baggage.getAll());
      }),
      { numRuns: 1000 },
    );
  });
});

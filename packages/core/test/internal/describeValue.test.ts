import { describeValue, isPlainObject, quoteName } from '../../src/internal/index.js';

describe('describeValue', () => {
  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    [42, 'a number (42)'],
    [Number.NaN, 'a number (NaN)'],
    [true, 'a boolean (true)'],
    [10n, 'a bigint (10n)'],
    ['ok', 'a string ("ok")'],
    [[1, 2], 'an array (length 2)'],
    [{}, 'an object'],
    [new Map(), 'an instance of Map'],
    [Symbol('s'), 'a symbol (s)'],
    [function named() {}, 'a function (named)'],
  ])('describes %p as %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('shows only a glimpse of a long string', () => {
    const text = describeValue('x'.repeat(500));
    expect(text.length).toBeLessThan(80);
    expect(text.endsWith('…")')).toBe(true);
  });

  it('survives a value that throws when inspected', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeValue(proxy)).toBe('an unprintable value');
  });

  it('isPlainObject accepts literals and null-prototype objects only', () => {
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(new Map())).toBe(false);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(null)).toBe(false);
  });
});

describe('quoteName', () => {
  it('quotes strings and describes anything else', () => {
    expect(quoteName('a b')).toBe('"a b"');
    expect(quoteName(5)).toBe('a number (5)');
  });
});

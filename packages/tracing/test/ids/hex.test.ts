import { isNonZeroLowerHex, lowerHexValue } from '../../src/ids/hex.js';

describe('hex helpers', () => {
  it('accepts lowercase hex that is not all zero, in the given range only', () => {
    expect(isNonZeroLowerHex('xx0a9fxx', 2, 4)).toBe(true);
    expect(isNonZeroLowerHex('xx0000xx', 2, 4)).toBe(false);
    expect(isNonZeroLowerHex('0A', 0, 2)).toBe(false);
    expect(isNonZeroLowerHex('0g', 0, 2)).toBe(false);
    expect(isNonZeroLowerHex('0\u0661', 0, 2)).toBe(false); // a non-ASCII digit
  });

  it('reads digit values', () => {
    expect(['0', '9', 'a', 'f', 'A', 'g'].map((c) => lowerHexValue(c.charCodeAt(0)))).toEqual([
      0, 9, 10, 15, -1, -1,
    ]);
  });
});

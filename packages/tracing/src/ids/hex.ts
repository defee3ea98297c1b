/** 1 for the characters of lowercase hex (W3C ids allow no uppercase), by char code < 128. */
const LOWER_HEX = new Uint8Array(128);
for (const ch of '0123456789abcdef') LOWER_HEX[ch.charCodeAt(0)] = 1;

/**
 * True when `value[from, from + length)` is lowercase hex and not all `0`. A table lookup per
 * character, with the "not all zero" test folded into the same pass.
 */
export function isNonZeroLowerHex(value: string, from: number, length: number): boolean {
  let bits = 0;
  for (let i = from, end = from + length; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c > 127 || LOWER_HEX[c] === 0) return false;
    bits |= c ^ 48; // zero only for '0'
  }
  return bits !== 0;
}

/** Value of a lowercase hex digit, or -1. */
export function lowerHexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

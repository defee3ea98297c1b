import { randomFillSync } from 'node:crypto';
import { isNonZeroLowerHex } from './hex.js';

/**
 * Random ids are cut from a pool of random hex refilled by one `randomFillSync` call into a
 * reused buffer, so a span id costs a string slice instead of a crypto call and a hex encoding of
 * its own. The ids are cryptographically random, which W3C Trace Context Level 2's `random`
 * flag promises for the right-most 7 bytes of every trace id we create.
 */
const POOL_BYTES = 16 * 1024;
const buffer = Buffer.allocUnsafe(POOL_BYTES);

let pool = '';
let position = 0;

function take(length: number): string {
  if (position + length > pool.length) {
    pool = randomFillSync(buffer).toString('hex');
    position = 0;
  }
  const id = pool.slice(position, position + length);
  position += length;
  return id;
}

const ZERO_TRACE_ID = '00000000000000000000000000000000';
const ZERO_SPAN_ID = '0000000000000000';

/** A new random trace id: 32 lowercase hex characters, never all zero. */
export function newTraceId(): string {
  let id = take(32);
  while (id === ZERO_TRACE_ID) id = take(32);
  return id;
}

/** A new random span id: 16 lowercase hex characters, never all zero. */
export function newSpanId(): string {
  let id = take(16);
  while (id === ZERO_SPAN_ID) id = take(16);
  return id;
}

/** True when `value` is `length` lowercase hex characters and not all zero. */
function isLowerHexId(value: unknown, length: number): boolean {
  return (
    typeof value === 'string' && value.length === length && isNonZeroLowerHex(value, 0, length)
  );
}

/** True when `value` is a valid W3C trace id: 32 lowercase hex characters, not all zero. */
export function isValidTraceId(value: unknown): value is string {
  return isLowerHexId(value, 32);
}

/** True when `value` is a valid W3C span (parent) id: 16 lowercase hex characters, not all zero. */
export function isValidSpanId(value: unknown): value is string {
  return isLowerHexId(value, 16);
}

import {
  TRACE_FLAG_RANDOM,
  TRACE_FLAG_SAMPLED,
  type SpanContextData,
} from '@lexigram/monitor-core';
import { isNonZeroLowerHex, lowerHexValue } from '../ids/hex.js';

/** The fields of a parsed `traceparent` header. */
export interface ParsedTraceparent {
  /** Version byte of the header (`0` for `00`). */
  readonly version: number;
  readonly traceId: string;
  readonly spanId: string;
  /** Known flag bits (sampled, random); reserved bits are dropped. */
  readonly traceFlags: number;
}

/** Header name of W3C Trace Context's parent. */
export const TRACEPARENT_HEADER = 'traceparent';
/** Header name of W3C Trace Context's vendor state. */
export const TRACESTATE_HEADER = 'tracestate';

const KNOWN_FLAGS = TRACE_FLAG_SAMPLED | TRACE_FLAG_RANDOM;
/** Length of a version-00 header: 2 + 1 + 32 + 1 + 16 + 1 + 2. */
const V00_LENGTH = 55;
const DASH = 45;

function isOws(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Parse a `traceparent` value following W3C Trace Context Level 2:
 *
 * - `version-traceid-parentid-flags`, lowercase hex only, surrounding spaces/tabs ignored;
 * - version `ff` is invalid; all-zero trace or parent ids are invalid;
 * - version `00` must be exactly 55 characters (no further fields);
 * - a higher version is read by its first four fields, which must each be followed by a dash
 *   or the end of the value.
 *
 * Returns `undefined` when the header must be ignored. Never throws.
 */
export function parseTraceparent(header: string): ParsedTraceparent | undefined {
  let start = 0;
  let end = header.length;
  while (start < end && isOws(header.charCodeAt(start))) start++;
  while (end > start && isOws(header.charCodeAt(end - 1))) end--;
  if (end - start < V00_LENGTH) return undefined;

  const v0 = lowerHexValue(header.charCodeAt(start));
  const v1 = lowerHexValue(header.charCodeAt(start + 1));
  if (v0 < 0 || v1 < 0) return undefined;
  const version = v0 * 16 + v1;
  if (version === 0xff) return undefined;
  if (version === 0 && end - start !== V00_LENGTH) return undefined;
  if (end - start > V00_LENGTH && header.charCodeAt(start + V00_LENGTH) !== DASH) return undefined;

  if (header.charCodeAt(start + 2) !== DASH) return undefined;
  if (!isNonZeroLowerHex(header, start + 3, 32)) return undefined;
  if (header.charCodeAt(start + 35) !== DASH) return undefined;
  if (!isNonZeroLowerHex(header, start + 36, 16)) return undefined;
  if (header.charCodeAt(start + 52) !== DASH) return undefined;
  const f0 = lowerHexValue(header.charCodeAt(start + 53));
  const f1 = lowerHexValue(header.charCodeAt(start + 54));
  if (f0 < 0 || f1 < 0) return undefined;

  return {
    version,
    traceId: header.slice(start + 3, start + 35),
    spanId: header.slice(start + 36, start + 52),
    traceFlags: (f0 * 16 + f1) & KNOWN_FLAGS,
  };
}

const FLAG_HEX = ['00', '01', '02', '03'] as const;

/**
 * Serialize a span context as a version-00 `traceparent`. Only the flags this version defines
 * (sampled, random) are written; the spec requires reserved bits to be zero.
 */
export function formatTraceparent(context: SpanContextData): string {
  return `00-${context.traceId}-${context.spanId}-${FLAG_HEX[context.traceFlags & KNOWN_FLAGS]}`;
}

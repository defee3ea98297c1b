import type { TextMapGetterCarrier } from '@lexigram/monitor-core';

/**
 * Values of header `name` (lowercase) in `carrier`. Node lowercases incoming header names, so
 * the exact key is tried first; otherwise every key is compared case-insensitively, as
 * W3C Trace Context requires of header names. Array values (repeated headers) are flattened.
 */
export function headerValues(carrier: TextMapGetterCarrier, name: string): readonly string[] {
  const direct = carrier[name];
  if (direct !== undefined) return typeof direct === 'string' ? [direct] : direct;
  let values: string[] | undefined;
  for (const key in carrier) {
    if (key.length !== name.length || key.toLowerCase() !== name) continue;
    const value = carrier[key];
    if (value === undefined) continue;
    values ??= [];
    if (typeof value === 'string') values.push(value);
    else values.push(...value);
  }
  return values ?? NONE;
}

/** The single value of header `name`, or `undefined` when absent or repeated. */
export function singleHeader(carrier: TextMapGetterCarrier, name: string): string | undefined {
  const direct = carrier[name];
  if (typeof direct === 'string') return direct;
  const values = headerValues(carrier, name);
  return values.length === 1 && typeof values[0] === 'string' ? values[0] : undefined;
}

const NONE: readonly string[] = Object.freeze([]);

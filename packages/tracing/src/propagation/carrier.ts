import type { TextMapGetterCarrier } from '@lexigram/monitor-core';

/**
 * Values of header `name` (lowercase) in `carrier`. Node lowercases incoming header names, so
 * the exact key is tried first; otherwise every key is compared case-insensitively, as
 * W3C Trace Context requires of header names. Array values (repeated headers) are flattened.
 * Only strings count: `null`, numbers, objects (message-broker headers, hand-built carriers) and
 * a carrier that throws when read are treated as an absent header, never thrown on.
 */
export function headerValues(carrier: TextMapGetterCarrier, name: string): readonly string[] {
  if (typeof carrier !== 'object' || carrier === null) return NONE;
  try {
    const direct: unknown = carrier[name];
    if (direct !== undefined && direct !== null) return strings(direct) ?? NONE;
    let values: string[] | undefined;
    for (const key in carrier) {
      if (key.length !== name.length || key.toLowerCase() !== name) continue;
      const found = strings(carrier[key]);
      if (found !== undefined) (values ??= []).push(...found);
    }
    return values ?? NONE;
  } catch {
    return NONE;
  }
}

/** The single value of header `name`, or `undefined` when absent or repeated. */
export function singleHeader(carrier: TextMapGetterCarrier, name: string): string | undefined {
  const values = headerValues(carrier, name);
  return values.length === 1 ? values[0] : undefined;
}

/** The strings a header value holds: a string, or the string items of an array. */
function strings(value: unknown): readonly string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return undefined;
  const items = (value as unknown[]).filter((item): item is string => typeof item === 'string');
  return items.length === 0 ? undefined : items;
}

const NONE: readonly string[] = Object.freeze([]);

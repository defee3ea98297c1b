import {
  isAttributeValue,
  type AttributeValue,
  type Attributes,
  type SpanLinkData,
  type StartSpanLink,
} from '@lexigram/monitor-core';
import type { SpanLimits } from './spanLimits.js';

/** Sanitized attributes and how many were dropped. */
export interface SanitizedAttributes {
  readonly attributes: Attributes;
  readonly dropped: number;
}

const EMPTY: SanitizedAttributes = Object.freeze({ attributes: Object.freeze({}), dropped: 0 });

/**
 * Copy the valid attributes of `input` (at most `limit`), counting the rest: values of
 * unsupported types (objects, functions, null, mixed arrays...) and the keys past the limit.
 * Arrays are copied so later changes by the caller do not leak into recorded data.
 */
export function sanitizeAttributes(
  input: Readonly<Record<string, unknown>> | undefined,
  limit: number,
): SanitizedAttributes {
  if (input === undefined || input === null) return EMPTY;
  const attributes: Record<string, AttributeValue> = {};
  let count = 0;
  let dropped = 0;
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (key === '__proto__' || !isAttributeValue(value) || count >= limit) {
      dropped++;
      continue;
    }
    attributes[key] = copyValue(value);
    count++;
  }
  return { attributes, dropped };
}

/** Arrays are copied (and frozen) so the caller cannot change recorded data afterwards. */
export function copyValue(value: AttributeValue): AttributeValue {
  return Array.isArray(value) ? Object.freeze(value.slice()) : value;
}

/** Attribute count from which lookups go through a Map instead of a scan. */
export const INDEX_FROM = 16;

/** Key → position index of a `[key, value, ...]` list. */
export function indexAttributes(kv: readonly unknown[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < kv.length; i += 2) index.set(kv[i] as string, i);
  return index;
}

/** A `[key, value, ...]` list as a frozen attributes object. */
export function attributesObject(kv: readonly unknown[]): Attributes {
  const attributes: Record<string, AttributeValue> = {};
  for (let i = 0; i < kv.length; i += 2) attributes[kv[i] as string] = kv[i + 1] as AttributeValue;
  return Object.freeze(attributes);
}

/**
 * The links to keep (at most `maxLinks`, each with sanitized attributes) and how many were
 * dropped past the limit; entries without a context are ignored.
 */
export function sanitizeLinks(
  links: readonly StartSpanLink[],
  limits: SpanLimits,
): { links: SpanLinkData[]; dropped: number } {
  const kept: SpanLinkData[] = [];
  let dropped = 0;
  for (const link of links) {
    if (!link || typeof link !== 'object' || !link.context) continue;
    if (kept.length >= limits.maxLinks) {
      dropped++;
      continue;
    }
    const { attributes } = sanitizeAttributes(link.attributes, limits.maxAttributes);
    kept.push({ context: link.context, attributes });
  }
  return { links: kept, dropped };
}

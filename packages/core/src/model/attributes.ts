/** A value a span attribute may hold (OpenTelemetry's rules: primitives or homogeneous arrays). */
export type AttributeValue =
  string | number | boolean | readonly string[] | readonly number[] | readonly boolean[];

/** Span, event, link or resource attributes. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/**
 * True when `value` is a valid attribute value: a string, finite-or-not number, boolean, or an
 * array whose items are all of one of those types (null/undefined items are not allowed).
 */
export function isAttributeValue(value: unknown): value is AttributeValue {
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return true;
  if (!Array.isArray(value)) return false;
  if (value.length === 0) return true;
  const first = typeof value[0];
  if (first !== 'string' && first !== 'number' && first !== 'boolean') return false;
  for (let i = 1; i < value.length; i++) {
    if (typeof value[i] !== first) return false;
  }
  return true;
}

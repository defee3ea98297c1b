import type { SpanContextData, SpanProtocol, StartSpanOptions } from '@lexigram/monitor-core';
import { activeSpan } from '../context/contextStorage.js';
import { SpanContext } from '../context/spanContext.js';
import { Span } from '../span/span.js';

/** True for spans (anything with a `spanContext()` method), false for span contexts. */
export function isSpan(value: SpanProtocol | SpanContextData): value is SpanProtocol {
  return typeof (value as SpanProtocol).spanContext === 'function';
}

/**
 * The context of `span` as a parent. Our own recording spans are trusted; any other span's
 * context (a wrapped context included) is validated, so an all-zero or malformed context starts
 * a new trace instead of joining it.
 */
export function contextOf(span: SpanProtocol): SpanContextData | undefined {
  if (span instanceof Span) return span.spanContext();
  try {
    const context = span.spanContext();
    return SpanContext.isValid(context) ? context : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The parent `options` ask for: `parent` (or its alias `context`) when given, no parent for
 * `null`, the active span otherwise. Invalid contexts count as no parent.
 */
export function resolveParent(options: StartSpanOptions): SpanContextData | undefined {
  const given = options.parent !== undefined ? options.parent : options.context;
  if (given === null) return undefined;
  if (given === undefined) {
    const active = activeSpan();
    return active === undefined ? undefined : contextOf(active);
  }
  if (isSpan(given)) return contextOf(given);
  return SpanContext.isValid(given) ? given : undefined;
}

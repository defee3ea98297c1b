import type { SpanProtocol } from '../contracts/span.js';
import type { StartSpanOptions } from '../contracts/tracer.js';

/** The callback `startActiveSpan` runs with the new span active. */
export type SpanFn<T> = (span: SpanProtocol) => T;

/** `startActiveSpan`'s second argument: the options, or the callback when there are none. */
export type OptionsOrFn<T> = StartSpanOptions | SpanFn<T>;

/*
 * The tracers implement `TracerProtocol.startActiveSpan`'s two overloads, `(name, fn)` and
 * `(name, options, fn)`, with one signature `(name, optionsOrFn, maybeFn?)`; these two read
 * it back. Plain functions rather than rest arguments: `startActiveSpan` is on the hot path and
 * the no-op tracer promises to allocate nothing per span.
 */

/** The callback: the second argument when it is one, else the third (undefined if left out). */
export function activeSpanFn<T>(
  optionsOrFn: OptionsOrFn<T>,
  maybeFn: SpanFn<T> | undefined,
): SpanFn<T> | undefined {
  return typeof optionsOrFn === 'function' ? optionsOrFn : maybeFn;
}

/** The options: the second argument unless it is the callback. */
export function activeSpanOptions<T>(optionsOrFn: OptionsOrFn<T>): StartSpanOptions | undefined {
  return typeof optionsOrFn === 'function' ? undefined : optionsOrFn;
}

import { SpanStatus, type SpanProtocol } from '@lexigram/monitor-core';
import { runWithSpan } from '../context/contextStorage.js';
import { errorMessage } from '../span/exception.js';

/**
 * Record `error` on `span` as an `exception` event and set status `error`. Never throws: the
 * caller rethrows the application's error and ends the span whatever happens here.
 */
export function failSpan(span: SpanProtocol, error: unknown): void {
  try {
    span.recordException(error);
  } catch {
    // A foreign span's recordException may throw; the status below still marks the failure.
  }
  try {
    span.setStatus(SpanStatus.Error, errorMessage(error));
  } catch {
    // Same: the span is ended by the caller regardless.
  }
}

/**
 * Run `fn(span)` with `span` active and end the span when `fn` returns, or when the promise it
 * returns settles. A throw or rejection is recorded on the span (an `exception` event, status
 * `error`) and rethrown unchanged.
 */
export function runInSpan<T>(span: SpanProtocol, fn: (span: SpanProtocol) => T): T {
  let result: T;
  try {
    result = runWithSpan(span, fn, span);
  } catch (error) {
    failSpan(span, error);
    span.end();
    throw error;
  }
  if (isPromiseLike(result)) {
    return Promise.resolve(result).then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        failSpan(span, error);
        span.end();
        throw error;
      },
    ) as T;
  }
  span.end();
  return result;
}

/** True for promises and other thenables; a value whose `then` cannot be read is not one. */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  try {
    return typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

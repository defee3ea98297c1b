import { AsyncLocalStorage } from 'node:async_hooks';
import type { SpanProtocol } from '@lexigram/monitor-core';
import { processSingleton } from '@lexigram/monitor-core/internal';
import type { Baggage } from '../propagation/baggage.js';

/** What is active in an async context: the current span and the current baggage. */
export interface ContextFrame {
  readonly span: SpanProtocol | undefined;
  readonly baggage: Baggage | undefined;
}

// One store per process, shared by every copy of this package (ESM and CJS builds), so the
// active span set by one copy is the parent of spans started through another.
const storage: AsyncLocalStorage<ContextFrame> = processSingleton(
  '@lexigram/monitor-tracing/contextStorage',
  () => new AsyncLocalStorage<ContextFrame>(),
  (existing) => existing instanceof AsyncLocalStorage,
);

/** The span active in the current async context, if any. */
export function activeSpan(): SpanProtocol | undefined {
  return storage.getStore()?.span;
}

/** The baggage active in the current async context, if any. */
export function activeBaggage(): Baggage | undefined {
  return storage.getStore()?.baggage;
}

/** Run `fn` with `span` active (baggage unchanged); the context follows `fn`'s async work. */
export function runWithSpan<A extends unknown[], T>(
  span: SpanProtocol | undefined,
  fn: (...args: A) => T,
  ...args: A
): T {
  const frame: ContextFrame = { span, baggage: storage.getStore()?.baggage };
  return storage.run(frame, fn, ...args);
}

/** Run `fn` with `baggage` active (span unchanged). */
export function runWithBaggage<T>(baggage: Baggage | undefined, fn: () => T): T {
  const frame: ContextFrame = { span: storage.getStore()?.span, baggage };
  return storage.run(frame, fn);
}

/**
 * Make `span` active for the rest of the current synchronous execution and the async work it
 * starts (AsyncLocalStorage `enterWith`). Prefer {@link runWithSpan}: this cannot be undone by
 * scope, only by entering another span.
 */
export function enterSpan(span: SpanProtocol | undefined): void {
  storage.enterWith({ span, baggage: storage.getStore()?.baggage });
}

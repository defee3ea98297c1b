import { reportFault } from '../diagnostics/diagnostics.js';
/** A hook listener. Errors it throws are caught and reported, never propagated to the emitter. */
export type HookListener<T> = (payload: T) => void;

/**
 * One typed hook. Emitters check `hook.active` before building a payload, so an unobserved hook
 * costs a single property read on the hot path.
 *
 * @example
 * ```ts
 * if (hooks.metricRecorded.active) hooks.metricRecorded.emit({ metricName, value, ... });
 * ```
 */
export class Hook<T> {
  /** True while at least one listener is subscribed. */
  active = false;
  private listeners: readonly HookListener<T>[] = [];
  private readonly onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void = defaultOnListenerError) {
    this.onListenerError = onListenerError;
  }

  /** Subscribe; returns a function that unsubscribes (safe to call twice). */
  subscribe(listener: HookListener<T>): () => void {
    // Copy-on-write so a listener that unsubscribes during emit does not disturb the loop.
    this.listeners = [...this.listeners, listener];
    this.active = true;
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      const index = this.listeners.indexOf(listener);
      if (index >= 0) {
        this.listeners = this.listeners.filter((_, i) => i !== index);
      }
      this.active = this.listeners.length > 0;
    };
  }

  /** Number of subscribed listeners. */
  get listenerCount(): number {
    return this.listeners.length;
  }

  /** Call every listener with `payload`; a throwing listener does not stop the others. */
  emit(payload: T): void {
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) {
      try {
        listeners[i]!(payload);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  /** Remove every listener. */
  clear(): void {
    this.listeners = [];
    this.active = false;
  }
}

function defaultOnListenerError(error: unknown): void {
  // A broken listener must not break the instrumented code; make it visible without throwing.
  reportFault({
    code: 'HOOK_LISTENER_THREW',
    component: 'core.hooks',
    message: 'A hook listener threw; the instrumented code is unaffected. Fix the listener.',
    error,
  });
}

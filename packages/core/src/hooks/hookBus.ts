import { processSingleton } from '../internal/processSingleton.js';
import { Hook } from './hook.js';
import type { MonitorHookPayloads } from './hookPayloads.js';

/**
 * A set of typed hooks, one per payload in {@link MonitorHookPayloads}.
 *
 * @example
 * ```ts
 * const off = monitorHooks.alertFired.subscribe((alert) => audit.log(alert));
 * ```
 */
export type HookBus = { readonly [K in keyof MonitorHookPayloads]: Hook<MonitorHookPayloads[K]> };

/** Create an independent hook bus (tests, or an isolated instance of the library). */
export function createHookBus(): HookBus {
  return {
    metricRecorded: new Hook(),
    alertFired: new Hook(),
    healthCheckRun: new Hook(),
  };
}

/**
 * The process-wide hook bus every package emits on by default. Shared across copies of core
 * loaded in one process.
 */
export const monitorHooks: HookBus = processSingleton(
  '@lexigram/monitor-core/hookBus',
  createHookBus,
  completeHookBus,
);

/**
 * Accept a bus another copy of core stored first, adding any hook that copy did not know yet, so
 * `monitorHooks.<newHook>.active` never reads a missing property.
 */
export function completeHookBus(existing: unknown): boolean {
  if (typeof existing !== 'object' || existing === null) return false;
  const bus = existing as Record<string, unknown>;
  for (const [name, hook] of Object.entries(createHookBus())) {
    const current = bus[name];
    if (current === undefined) bus[name] = hook;
    else if (typeof (current as { emit?: unknown }).emit !== 'function') return false;
  }
  return true;
}

const STORE = Symbol.for('@lexigram/monitor-core/singletons');

type Store = Map<string, unknown>;

/**
 * One value per process for `key`, shared by every copy of core that is loaded (ESM and CJS
 * builds, or two installed versions), so process-wide defaults cannot split in two.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const holder = globalThis as unknown as Record<symbol, Store | undefined>;
  let store = holder[STORE];
  if (!store) {
    store = new Map();
    Object.defineProperty(globalThis, STORE, { value: store, enumerable: false });
  }
  if (!store.has(key)) store.set(key, create());
  return store.get(key) as T;
}

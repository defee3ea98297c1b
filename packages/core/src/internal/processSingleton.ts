/**
 * The compatibility line of the singleton store: bumped with every breaking release of core (each
 * 0.x minor, then each major), so a copy of core from another line keeps its own store instead of
 * handing this one values of a shape it does not know (OpenTelemetry keys its globals the same
 * way: `opentelemetry.js.api.<major>`).
 */
export const SINGLETON_STORE_LINE = '0.1';

const STORE = Symbol.for(`@lexigram/monitor-core/singletons@${SINGLETON_STORE_LINE}`);

type Store = Map<string, unknown>;

/** Values this copy created because the shared one had the wrong shape, by key. */
const privateValues = new Map<string, unknown>();

/**
 * One value per process for `key`, shared by every copy of core of the same compatibility line
 * that is loaded (ESM and CJS builds, or two installed versions), so process-wide defaults cannot
 * split in two. Keys are namespaced by package: `@lexigram/monitor-<pkg>/<name>`.
 *
 * `accept` checks (and may complete in place) a value another copy stored first; when it returns
 * false this copy uses a value of its own rather than one it cannot use.
 */
export function processSingleton<T>(
  key: string,
  create: () => T,
  accept?: (existing: unknown) => boolean,
): T {
  const holder = globalThis as unknown as Record<symbol, Store | undefined>;
  let store = holder[STORE];
  if (!store) {
    store = new Map();
    Object.defineProperty(globalThis, STORE, { value: store, enumerable: false });
  }
  if (!store.has(key)) {
    store.set(key, create());
    return store.get(key) as T;
  }
  const existing = store.get(key);
  if (accept === undefined || accept(existing)) return existing as T;
  if (!privateValues.has(key)) privateValues.set(key, create());
  return privateValues.get(key) as T;
}

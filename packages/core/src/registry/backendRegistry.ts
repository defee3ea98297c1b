import { loadConfig } from '../config/loadConfig.js';
import type { MonitorConfig, MonitorConfigInput } from '../config/monitorConfig.js';
import type { MetricsBackendProtocol } from '../contracts/metricsBackend.js';
import { BackendNotAvailableError } from '../errors/backendNotAvailableError.js';
import { InMemoryMetricsBackend } from '../noop/inMemoryMetricsBackend.js';
import { NoOpMetricsBackend } from '../noop/noOpMetricsBackend.js';
import type { BackendConfig, BackendHandler, BackendModule } from './backendModule.js';
import { HandlerRegistry } from './handlerRegistry.js';
import { KNOWN_BACKEND_PACKAGES } from './knownBackends.js';
import { defaultPaths, loadModule, resolveFromApp } from './appModules.js';

/** Options of backend discovery. */
export interface DiscoverOptions {
  /** Extra package names to look for, besides the known backend packages. */
  packages?: readonly string[];
  /**
   * Directories to resolve packages from. Default: the current working directory and the main
   * script's directory, i.e. the application — not core's own location, which under pnpm's strict
   * layout cannot see the application's dependencies.
   */
  paths?: readonly string[];
}

/** A backend package discovery looked for, and what it found. */
export interface DiscoveredPackage {
  readonly packageName: string;
  readonly found: boolean;
  /** Backend types it registered. */
  readonly types: readonly string[];
  /** Why it could not be loaded, when it was installed but failed. */
  readonly error?: unknown;
}

const memoryHandler: BackendHandler = {
  canHandle: (type) => type === 'memory',
  create: () => new InMemoryMetricsBackend(),
};

const noopHandler: BackendHandler = {
  canHandle: (type) => type === 'noop',
  create: () => new NoOpMetricsBackend(),
};

/**
 * Finds and creates metrics backends. Built in: `memory` and `noop`. Others are registered by
 * installed backend packages, found by {@link BackendRegistry.discover}; asking for a type no
 * handler provides throws {@link BackendNotAvailableError} naming the package to install.
 *
 * @example
 * ```ts
 * const registry = BackendRegistry.withDefaults();
 * await registry.discover();
 * const backend = registry.createBackend(loadConfig({ backendType: 'prometheus' }));
 * ```
 */
export class BackendRegistry extends HandlerRegistry<BackendConfig, MetricsBackendProtocol> {
  private readonly failures = new Map<string, unknown>();

  /** A registry with the built-in `memory` and `noop` handlers. */
  static withDefaults(): BackendRegistry {
    const registry = new BackendRegistry();
    registry.register(noopHandler).register(memoryHandler);
    return registry;
  }

  /**
   * Look for the known backend packages and `options.packages` where the application can
   * resolve them, import each one found, and register its `monitorBackends` handlers.
   * A package that is installed but fails to load is reported, not thrown.
   */
  async discover(options: DiscoverOptions = {}): Promise<DiscoveredPackage[]> {
    const names = [
      ...new Set([...Object.values(KNOWN_BACKEND_PACKAGES), ...(options.packages ?? [])]),
    ];
    const results: DiscoveredPackage[] = [];
    for (const packageName of names) {
      const resolved = resolveFromApp(packageName, options.paths ?? defaultPaths());
      if (!resolved) {
        results.push({ packageName, found: false, types: [] });
        continue;
      }
      try {
        const mod = (await loadModule(resolved)) as Partial<BackendModule> & {
          default?: Partial<BackendModule>;
        };
        const handlers = mod.monitorBackends ?? mod.default?.monitorBackends;
        if (!Array.isArray(handlers)) {
          throw new TypeError(`${packageName} does not export "monitorBackends"`);
        }
        const types: string[] = [];
        for (const handler of handlers as BackendHandler[]) {
          this.register(handler);
        }
        for (const candidate of [...Object.keys(KNOWN_BACKEND_PACKAGES), ...probeTypes(handlers)]) {
          if ((handlers as BackendHandler[]).some((h) => h.canHandle(candidate)))
            types.push(candidate);
        }
        results.push({ packageName, found: true, types: [...new Set(types)] });
      } catch (error) {
        this.failures.set(packageName, error);
        results.push({ packageName, found: true, types: [], error });
      }
    }
    return results;
  }

  /**
   * Create the backend for `config.backendType`. Throws {@link BackendNotAvailableError} naming
   * the package to install when no handler provides it.
   */
  createBackend(config: MonitorConfig | MonitorConfigInput): MetricsBackendProtocol {
    // Re-validating a parsed config is idempotent, so both forms go through one path.
    const full = loadConfig(config, { env: false });
    const type = full.backendType;
    const handler = this.findHandler(type);
    if (handler) return handler.create({ type, config: full });
    const packageName = KNOWN_BACKEND_PACKAGES[type];
    const failure = packageName ? this.failures.get(packageName) : undefined;
    throw new BackendNotAvailableError(
      type,
      packageName,
      failure === undefined ? {} : { cause: failure },
    );
  }
}

/** Handlers may advertise their types (`types: ['x']`) so discovery can report them. */
function probeTypes(handlers: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const h of handlers) {
    const types = (h as { types?: unknown }).types;
    if (Array.isArray(types)) out.push(...types.filter((t): t is string => typeof t === 'string'));
  }
  return out;
}

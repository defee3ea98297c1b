import { createRequire } from 'node:module';
import { reportFault } from '../diagnostics/diagnostics.js';
import { defaultPaths, resolveFromApp } from './appModules.js';
import type { ExporterHandler } from './handlerRegistry.js';
import { KNOWN_EXPORTER_PACKAGES } from './knownExporters.js';

/** Which exporter registry is asking: each kind has its own export name in a package. */
export type ExporterKind = 'tracing' | 'metrics';

/**
 * The named export holding a package's exporter handlers, per kind (like `monitorBackends` for
 * backends): `export const monitorTracingExporters = [new OTLPTracingExporterHandler()]`.
 */
export const EXPORTER_MODULE_EXPORTS: Readonly<Record<ExporterKind, string>> = Object.freeze({
  tracing: 'monitorTracingExporters',
  metrics: 'monitorMetricsExporters',
});

/** Options of exporter discovery. */
export interface ExporterDiscoveryOptions {
  /**
   * Directories to resolve packages from. Default: the current working directory and the main
   * script's directory, i.e. the application (core's own location cannot see the application's
   * dependencies under pnpm's strict layout).
   */
  paths?: readonly string[];
  /** Extra `type → package` entries, asked before {@link KNOWN_EXPORTER_PACKAGES}. */
  packages?: Readonly<Record<string, string>>;
  /** False turns discovery off: only registered handlers are asked. Default true. */
  discover?: boolean;
}

/** What loading one exporter package gave. */
export interface ExporterDiscovery {
  readonly packageName: string;
  readonly found: boolean;
  readonly handlers: readonly ExporterHandler<never, unknown>[];
  readonly error?: unknown;
}

/**
 * Load the package providing exporter `type` for `kind` where the application resolves its
 * dependencies, and return its handlers. Synchronous, because `createExporter` is: the package's
 * `require` entry is loaded (every `@lexigram/monitor-*` package ships one). Undefined when no
 * package is known for `type`. Never throws: a package that is missing or fails to load is
 * reported through the fault channel and gives no handlers.
 */
export function discoverExporterHandlers(
  kind: ExporterKind,
  type: string,
  options: ExporterDiscoveryOptions = {},
): ExporterDiscovery | undefined {
  const packageName = options.packages?.[type] ?? KNOWN_EXPORTER_PACKAGES[type];
  if (packageName === undefined) return undefined;
  const resolved = resolveFromApp(packageName, options.paths ?? defaultPaths());
  if (resolved === undefined) {
    reportFault({
      code: 'EXPORTER_NOT_INSTALLED',
      component: `core.${kind}ExporterRegistry`,
      message: `Exporter type "${type}" needs ${packageName}: install it in your application (npm install ${packageName}).`,
      details: { type, packageName },
    });
    return { packageName, found: false, handlers: [] };
  }
  const exportName = EXPORTER_MODULE_EXPORTS[kind];
  try {
    const mod = createRequire(resolved)(resolved) as Record<string, unknown> & {
      default?: Record<string, unknown>;
    };
    const handlers = mod[exportName] ?? mod.default?.[exportName];
    if (!Array.isArray(handlers)) {
      throw new TypeError(`${packageName} does not export "${exportName}"`);
    }
    return { packageName, found: true, handlers: handlers as ExporterHandler<never, unknown>[] };
  } catch (error) {
    reportFault({
      code: 'EXPORTER_PACKAGE_LOAD_FAILED',
      component: `core.${kind}ExporterRegistry`,
      message: `${packageName} is installed but its ${kind} exporters could not be loaded: ${String(error)}`,
      details: { type, packageName },
      error,
    });
    return { packageName, found: true, handlers: [], error };
  }
}

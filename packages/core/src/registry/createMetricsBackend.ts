import { loadConfig } from '../config/loadConfig.js';
import type { MonitorConfig, MonitorConfigInput } from '../config/monitorConfig.js';
import type { MetricsBackendProtocol } from '../contracts/metricsBackend.js';
import { BackendRegistry, type DiscoverOptions } from './backendRegistry.js';

/**
 * Create the metrics backend `config.backendType` asks for: built-ins directly, others from an
 * installed backend package (the known ones plus `config.backendPackages`), discovered where the
 * application resolves its own dependencies.
 *
 * @throws BackendNotAvailableError naming the package to install when none provides the type.
 *
 * @example
 * ```ts
 * const backend = await createMetricsBackend({ backendType: 'prometheus' });
 * await backend.initialize();
 * ```
 */
export async function createMetricsBackend(
  config: MonitorConfig | MonitorConfigInput = {},
  options: Pick<DiscoverOptions, 'paths'> = {},
): Promise<MetricsBackendProtocol> {
  const full = loadConfig(config, { env: false });
  const registry = BackendRegistry.withDefaults();
  if (!registry.canHandle(full.backendType)) {
    await registry.discover({ ...options, packages: full.backendPackages });
  }
  return registry.createBackend(full);
}

import type { MonitorConfig, MonitorConfigInput } from '../config/monitorConfig.js';
import type { MetricsBackendProtocol } from '../contracts/metricsBackend.js';
import { NoOpMetricsBackend } from '../noop/noOpMetricsBackend.js';
import type { MonitorContainer } from './container.js';
import type { CreateMonitorOptions } from './createMonitor.js';
import type { MonitorShutdownReport } from './monitor.js';
import { MonitorProvider } from './monitorProvider.js';
import { ObservabilityProvider } from './observabilityProvider.js';

/** Arguments of {@link MonitorModule.configure}. */
export interface MonitorModuleOptions {
  /** Metrics backend; the no-op backend when omitted. */
  readonly backend?: MetricsBackendProtocol;
  /** Tracing, health, profiling and SLO settings. */
  readonly config?: MonitorConfigInput | MonitorConfig;
  /** Further `createMonitor` options (discovery paths, dispatchers, deadlines). */
  readonly options?: Omit<CreateMonitorOptions, 'backend'>;
}

/**
 * A configured module: its providers in registration order (the no-op
 * {@link ObservabilityProvider} first, then {@link MonitorProvider} overriding it), and
 * `register` / `boot` / `shutdown` running them in order.
 */
export interface MonitorModuleDefinition {
  readonly providers: readonly [ObservabilityProvider, MonitorProvider];
  readonly monitorProvider: MonitorProvider;
  register(container: MonitorContainer): Promise<void>;
  boot(): Promise<void>;
  shutdown(): Promise<MonitorShutdownReport>;
}

/**
 * The reference's monitor module, container-agnostic: metrics collection, distributed tracing,
 * health checks and profiling, bound into any container with `register` / `resolve`.
 *
 * @example
 * ```ts
 * const module = MonitorModule.configure({ backend: new PrometheusBackend(9464) });
 * await module.register(container);
 * await module.boot();
 * ```
 */
export class MonitorModule {
  /** A module with `backend` (default: the no-op backend) and `config`. */
  static configure(options: MonitorModuleOptions = {}): MonitorModuleDefinition {
    const provider = MonitorProvider.fromConfig(options.config ?? {}, {
      ...options.options,
      backend: options.backend ?? new NoOpMetricsBackend(),
    });
    return definition(provider);
  }

  /**
   * A no-op module for unit tests: the no-op metrics backend, no-op tracing, nothing looked up
   * and no external telemetry system connected.
   */
  static stub(): MonitorModuleDefinition {
    const provider = MonitorProvider.fromConfig(
      { enabled: false },
      { env: false, discover: false, setDefault: false, backend: new NoOpMetricsBackend() },
    );
    return definition(provider);
  }
}

function definition(provider: MonitorProvider): MonitorModuleDefinition {
  const observability = new ObservabilityProvider();
  return {
    providers: [observability, provider],
    monitorProvider: provider,
    async register(container) {
      await observability.register(container);
      await provider.register(container);
    },
    async boot() {
      await observability.boot();
      await provider.boot();
    },
    async shutdown() {
      const report = await provider.shutdown();
      await observability.shutdown();
      return report;
    },
  };
}

import { loadConfig, type LoadConfigOptions } from '../config/loadConfig.js';
import type { MonitorConfig, MonitorConfigInput } from '../config/monitorConfig.js';
import type { AlertDispatcherProtocol } from '../contracts/alertDispatcher.js';
import type { MetricsBackendProtocol } from '../contracts/metricsBackend.js';
import type { MetricsExpositionProtocol } from '../contracts/metricsExposition.js';
import { reportFault } from '../diagnostics/diagnostics.js';
import type { MonitorFaultHandler } from '../diagnostics/monitorFault.js';
import { MonitorConfigError } from '../errors/configError.js';
import { getObservability, setObservability } from '../facade/defaultService.js';
import { ObservabilityService } from '../facade/observabilityService.js';
import { NOOP_HEALTH_CHECK_REGISTRY } from '../noop/noOpHealthCheckRegistry.js';
import { NoOpMetricsBackend } from '../noop/noOpMetricsBackend.js';
import { NOOP_METRICS_COLLECTOR } from '../noop/noOpMetricsCollector.js';
import { NOOP_TRACER } from '../noop/noOpTracer.js';
import { defaultPaths } from '../registry/appModules.js';
import { BackendRegistry } from '../registry/backendRegistry.js';
import { discoverContributions, type DiscoveredPart } from './discoverContributions.js';
import { Monitor, type ShutdownDeadlines } from './monitor.js';
import type { MonitorAssembly, MonitorContribution, ShutdownPhase } from './monitorContribution.js';
import type { NamedStep } from './runSteps.js';

/** Options of {@link createMonitor}. */
export interface CreateMonitorOptions {
  /** Environment overrides (`LEX_MONITOR_*`), or `false` to ignore them. Default `process.env`. */
  readonly env?: LoadConfigOptions['env'];
  /** Where to look for installed packages. Default: the working directory and main script's. */
  readonly paths?: readonly string[];
  /** Contributions to use as given instead of looking their packages up (bundlers, tests). */
  readonly contributions?: readonly MonitorContribution[];
  /** Look packages up at all. Default true; false uses only `contributions`. */
  readonly discover?: boolean;
  /** Alert dispatchers for SLO alerts; without any, monitor-slo logs them. */
  readonly alertDispatchers?: readonly AlertDispatcherProtocol[];
  /** Make the monitor's facade the process default (`getObservability()`). Default true. */
  readonly setDefault?: boolean;
  /** Deadlines of the shutdown phases. */
  readonly shutdown?: Partial<ShutdownDeadlines>;
  /** Fault sink for every background component. Default: core's fault channel. */
  readonly onError?: MonitorFaultHandler;
  /** Use this metrics backend instead of creating the one `backendType` names. */
  readonly backend?: MetricsBackendProtocol;
}

const DEFAULT_DEADLINES: ShutdownDeadlines = { drainMs: 10_000, flushMs: 5_000, closeMs: 5_000 };

/**
 * One call to a monitored service: load and validate the config (object, then `LEX_MONITOR_*`
 * environment variables), find which `@lexigram/monitor-*` packages the application installed,
 * and wire them: metrics collector, tracer and its exporter, health checks, the metrics backend,
 * runtime metrics, SLOs, HTTP middleware. A part whose package is not installed is a no-op;
 * `monitor.installed` says what was found.
 *
 * @throws MonitorConfigError for bad config; BackendNotAvailableError when `backendType` names a
 *   backend whose package is not installed.
 *
 * @example
 * ```ts
 * const monitor = await createMonitor({ tracing: { serviceName: 'shop' } });
 * await monitor.start();
 * monitor.handleSignals();
 * http.createServer(monitor.get<HttpWrap>('http')!(app)).listen(3000);
 * ```
 */
export async function createMonitor(
  config: MonitorConfigInput | MonitorConfig = {},
  options: CreateMonitorOptions = {},
): Promise<Monitor> {
  const full = loadConfig(config, { env: options.env });
  const paths = options.paths ?? defaultPaths();
  const discovery: DiscoveredPart[] = full.enabled
    ? options.discover === false
      ? (options.contributions ?? []).map((c) => ({
          part: c.part,
          packageName: '(given)',
          found: true,
          contribution: c,
        }))
      : await discoverContributions(paths, options.contributions)
    : [];
  for (const d of discovery) {
    if (d.error !== undefined) {
      reportFault(
        {
          code: 'MONITOR_PART_LOAD_FAILED',
          component: 'createMonitor',
          message: `${d.packageName} is installed but could not be loaded; ${d.part} is a no-op`,
          error: d.error,
        },
        options.onError,
      );
    }
  }
  if (full.tracing.exporter === 'otlp' && !discovery.some((d) => d.part === 'otlp' && d.found)) {
    throw new MonitorConfigError([
      {
        path: 'tracing.exporter',
        message:
          '"otlp" needs @lexigram/monitor-backend-otel: install it, or choose "console", "memory" or "none"',
      },
    ]);
  }

  const backend =
    options.backend ?? (full.enabled ? await createBackend(full, paths) : new NoOpMetricsBackend());
  const services = new Map<string, unknown>();
  const startSteps: NamedStep[] = [];
  const shutdownSteps: Record<ShutdownPhase, NamedStep[]> = { drain: [], flush: [], close: [] };
  const assembly: MonitorAssembly = {
    config: full,
    alertDispatchers: [...(options.alertDispatchers ?? [])],
    onError: options.onError,
    meter: undefined,
    spanExporter: undefined,
    tracer: undefined,
    probes: undefined,
    exposition: isExposition(backend) ? backend : undefined,
    provide: (name, value) => void services.set(name, value),
    get: <T>(name: string) => services.get(name) as T | undefined,
    onStart: (name, step) => void startSteps.push({ name, step }),
    onShutdown: (name, phase, step) => void shutdownSteps[phase].push({ name, step }),
  };
  for (const d of discovery) {
    if (!d.found || !d.contribution) continue;
    try {
      await d.contribution.setup(assembly);
    } catch (error) {
      reportFault(
        {
          code: 'MONITOR_PART_SETUP_FAILED',
          component: 'createMonitor',
          message: `${d.packageName} failed to set up; ${d.part} is a no-op`,
          error,
        },
        options.onError,
      );
    }
  }
  const meter = assembly.meter ?? NOOP_METRICS_COLLECTOR;
  const tracer = assembly.tracer ?? NOOP_TRACER;
  const addSource = (backend as { addSource?: (source: unknown) => unknown }).addSource;
  if (assembly.meter && typeof addSource === 'function') addSource.call(backend, assembly.meter);

  const observability = new ObservabilityService({ tracer, meter });
  if (options.setDefault !== false) {
    const previous = setObservability(observability);
    shutdownSteps.close.push({
      name: 'restore default observability',
      step: () => {
        if (getObservability() === observability) setObservability(previous);
      },
    });
  }
  const flush = (tracer as { forceFlush?: () => Promise<void> }).forceFlush;
  if (assembly.tracer && typeof flush === 'function') {
    shutdownSteps.flush.push({ name: 'flush spans', step: () => flush.call(tracer) });
  }
  shutdownSteps.close.push({ name: 'backend (final push)', step: () => backend.shutdown() });
  const closeTracer = (tracer as { shutdown?: () => Promise<void> }).shutdown;
  if (assembly.tracer && typeof closeTracer === 'function') {
    shutdownSteps.close.push({ name: 'tracer', step: () => closeTracer.call(tracer) });
  }

  return new Monitor({
    config: full,
    discovery,
    meter,
    tracer,
    health: assembly.probes ?? NOOP_HEALTH_CHECK_REGISTRY,
    exposition: assembly.exposition,
    backend,
    observability,
    alertDispatchers: assembly.alertDispatchers,
    services,
    startSteps,
    shutdownSteps,
    deadlines: { ...DEFAULT_DEADLINES, ...options.shutdown },
  });
}

async function createBackend(
  config: MonitorConfig,
  paths: readonly string[],
): Promise<MetricsBackendProtocol> {
  const registry = BackendRegistry.withDefaults();
  if (!registry.canHandle(config.backendType)) {
    await registry.discover({ paths, packages: config.backendPackages });
  }
  return registry.createBackend(config);
}

function isExposition(value: unknown): value is MetricsExpositionProtocol & MetricsBackendProtocol {
  const v = value as Partial<MetricsExpositionProtocol>;
  return typeof v.render === 'function' && typeof v.contentType === 'function';
}

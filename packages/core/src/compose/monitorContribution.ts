import type { MonitorConfig } from '../config/monitorConfig.js';
import type { AlertDispatcherProtocol } from '../contracts/alertDispatcher.js';
import type { HealthProbesProtocol } from '../contracts/healthCheckRegistry.js';
import type { MetricsCollectorProtocol } from '../contracts/metricsCollector.js';
import type { MetricsExpositionProtocol } from '../contracts/metricsExposition.js';
import type { SpanExporter } from '../contracts/spanExporter.js';
import type { TracerProtocol } from '../contracts/tracer.js';
import type { MonitorFaultHandler } from '../diagnostics/monitorFault.js';

/**
 * Parts of a monitor, in the order `createMonitor` sets them up: each part may use what the
 * earlier ones put on the {@link MonitorAssembly}.
 */
export const MONITOR_PART_ORDER = [
  'metrics',
  'otlp',
  'tracing',
  'health',
  'profiling',
  'slo',
  'middleware',
] as const;

/** Name of one part of a monitor. */
export type MonitorPartName = (typeof MONITOR_PART_ORDER)[number];

/** When a shutdown step runs: drain (stop taking traffic), flush, then close. */
export type ShutdownPhase = 'drain' | 'flush' | 'close';

/** Work done at start or shutdown; may be async. */
export type MonitorStep = () => unknown;

/**
 * What `createMonitor` hands each installed package's contribution: the config, what the earlier
 * parts made, and places to hang start and shutdown work. A contribution fills in its part.
 */
export interface MonitorAssembly {
  readonly config: MonitorConfig;
  /** Dispatchers the application passed; the SLO part adds a logging one when empty. */
  readonly alertDispatchers: AlertDispatcherProtocol[];
  /** Fault sink of every background component. */
  readonly onError: MonitorFaultHandler | undefined;
  /** Set by the metrics part. */
  meter: MetricsCollectorProtocol | undefined;
  /** Set by the otlp part when `tracing.exporter` is `otlp`; used by the tracing part. */
  spanExporter: SpanExporter | undefined;
  /** Set by the tracing part. */
  tracer: TracerProtocol | undefined;
  /** Set by the health part: probes whose readiness fails once draining starts. */
  probes: HealthProbesProtocol | undefined;
  /** Set by whoever renders `/metrics` (a backend, or the metrics part's text format). */
  exposition: MetricsExpositionProtocol | undefined;
  /** Publish a service under `name`, read back with `monitor.get(name)`. */
  provide(name: string, value: unknown): void;
  /** Read what an earlier part provided. */
  get<T = unknown>(name: string): T | undefined;
  /** Run `step` in `monitor.start()`. */
  onStart(name: string, step: MonitorStep): void;
  /** Run `step` in `monitor.shutdown()` during `phase`, under that phase's deadline. */
  onShutdown(name: string, phase: ShutdownPhase, step: MonitorStep): void;
}

/**
 * What a `@lexigram/monitor-*` package exports as `monitorContribution` so `createMonitor` can
 * wire it when the application has installed it.
 *
 * @example
 * ```ts
 * export const monitorContribution: MonitorContribution = {
 *   part: 'metrics',
 *   setup(assembly) { assembly.meter = new MetricsCollector({ config: assembly.config.metrics }); },
 * };
 * ```
 */
export interface MonitorContribution {
  readonly part: MonitorPartName;
  /** Fill in this part; throwing is reported and leaves the part a no-op. */
  setup(assembly: MonitorAssembly): void | Promise<void>;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MonitorConfig } from '../config/monitorConfig.js';
import type { AlertDispatcherProtocol } from '../contracts/alertDispatcher.js';
import type { HealthProbesProtocol } from '../contracts/healthCheckRegistry.js';
import type { MetricsBackendProtocol } from '../contracts/metricsBackend.js';
import type { MetricsCollectorProtocol } from '../contracts/metricsCollector.js';
import type { MetricsExpositionProtocol } from '../contracts/metricsExposition.js';
import type { TracerProtocol } from '../contracts/tracer.js';
import type { ObservabilityService } from '../facade/observabilityService.js';
import type { DiscoveredPart } from './discoverContributions.js';
import type { MonitorPartName, ShutdownPhase } from './monitorContribution.js';
import { runSteps, type NamedStep, type StepOutcome } from './runSteps.js';

/** Deadlines of each shutdown phase, in ms. */
export interface ShutdownDeadlines {
  /** Readiness fails, in-flight requests finish. Default 10000. */
  readonly drainMs: number;
  /** Spans and metrics are flushed. Default 5000. */
  readonly flushMs: number;
  /** Final push, exporters and servers closed. Default 5000. */
  readonly closeMs: number;
}

/** What `monitor.shutdown()` did, step by step. */
export interface MonitorShutdownReport {
  readonly steps: readonly StepOutcome[];
  readonly durationMs: number;
}

/** Everything a {@link Monitor} is built from (made by `createMonitor`). */
export interface MonitorParts {
  readonly config: MonitorConfig;
  readonly discovery: readonly DiscoveredPart[];
  readonly meter: MetricsCollectorProtocol;
  readonly tracer: TracerProtocol;
  readonly health: HealthProbesProtocol;
  readonly exposition: MetricsExpositionProtocol | undefined;
  readonly backend: MetricsBackendProtocol;
  readonly observability: ObservabilityService;
  readonly alertDispatchers: readonly AlertDispatcherProtocol[];
  readonly services: ReadonlyMap<string, unknown>;
  readonly startSteps: readonly NamedStep[];
  readonly shutdownSteps: Readonly<Record<ShutdownPhase, readonly NamedStep[]>>;
  readonly deadlines: ShutdownDeadlines;
}

/** Options of {@link Monitor.handleSignals}. */
export interface HandleSignalsOptions {
  /** Default `['SIGTERM', 'SIGINT']`. */
  readonly signals?: readonly NodeJS.Signals[];
  /** Called after shutdown with 0 (clean) or 1 (a step failed or timed out). Default `process.exit`. */
  readonly exit?: (code: number) => void;
  /** Told the shutdown report before exit. */
  readonly onShutdown?: (report: MonitorShutdownReport) => void;
}

/**
 * A wired monitor: what `createMonitor` found installed, put together. Parts not installed are
 * no-ops. `start()` starts the background work; `shutdown()` drains, flushes and closes, each
 * phase under its deadline.
 */
export class Monitor {
  readonly config: MonitorConfig;
  /** Each part and whether its package was found (and loaded). */
  readonly installed: Readonly<Record<MonitorPartName, boolean>>;
  /** The discovery in detail: package names, load errors. */
  readonly discovery: readonly DiscoveredPart[];
  readonly meter: MetricsCollectorProtocol;
  readonly tracer: TracerProtocol;
  /** Health probes; readiness fails once draining starts, liveness does not. */
  readonly health: HealthProbesProtocol;
  /** Renders `/metrics`, when a backend or part provides it. */
  readonly exposition: MetricsExpositionProtocol | undefined;
  readonly backend: MetricsBackendProtocol;
  /** The facade set as the process default while the monitor runs. */
  readonly observability: ObservabilityService;
  readonly alertDispatchers: readonly AlertDispatcherProtocol[];
  private readonly parts: MonitorParts;
  private started: Promise<void> | undefined;
  private stopping: Promise<MonitorShutdownReport> | undefined;

  constructor(parts: MonitorParts) {
    this.parts = parts;
    this.config = parts.config;
    this.discovery = parts.discovery;
    this.installed = Object.freeze(
      Object.fromEntries(parts.discovery.map((d) => [d.part, d.found])) as Record<
        MonitorPartName,
        boolean
      >,
    );
    this.meter = parts.meter;
    this.tracer = parts.tracer;
    this.health = parts.health;
    this.exposition = parts.exposition;
    this.backend = parts.backend;
    this.observability = parts.observability;
    this.alertDispatchers = parts.alertDispatchers;
  }

  /** A service a part provided (e.g. `http` from the middleware, `slo` from monitor-slo). */
  get<T = unknown>(name: string): T | undefined {
    return this.parts.services.get(name) as T | undefined;
  }

  /**
   * Wrap a `node:http` request listener: server spans, RED metrics, `/metrics` and `/health`
   * (with @lexigram/monitor-middleware installed; without it the listener is returned as is).
   */
  http<L extends (req: IncomingMessage, res: ServerResponse) => unknown>(listener: L): L {
    const wrap = this.get<(listener: L) => L>('http');
    return wrap ? wrap(listener) : listener;
  }

  /** True once `shutdown()` has begun. */
  get shuttingDown(): boolean {
    return this.stopping !== undefined;
  }

  /** Initialize the backend and start background work (runtime metrics, SLO feed). Idempotent. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.backend.initialize();
      const outcomes = await runSteps('start', this.parts.startSteps, this.parts.deadlines.closeMs);
      const bad = outcomes.find((o) => o.outcome !== 'done');
      if (bad)
        throw new Error(`monitor start step "${bad.name}" ${bad.outcome}: ${bad.message ?? ''}`);
    })();
    return this.started;
  }

  /**
   * Drain (readiness fails at once, liveness stays up, in-flight requests finish), flush spans and
   * metrics, then close (final push, exporters). Each phase has its own deadline; a step that
   * overruns is abandoned. Never rejects; calling it again returns the same report.
   */
  shutdown(): Promise<MonitorShutdownReport> {
    this.stopping ??= (async () => {
      const began = performance.now();
      const { shutdownSteps: s, deadlines: d } = this.parts;
      const steps = [
        ...(await runSteps('drain', s.drain, d.drainMs)),
        ...(await runSteps('flush', s.flush, d.flushMs)),
        ...(await runSteps('close', s.close, d.closeMs)),
      ];
      return { steps, durationMs: performance.now() - began };
    })();
    return this.stopping;
  }

  /**
   * Make SIGTERM / SIGINT shut the monitor down and then exit. Returns a function that removes
   * the handlers. A second signal during the drain exits at once with code 1.
   */
  handleSignals(options: HandleSignalsOptions = {}): () => void {
    const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
    const exit = options.exit ?? ((code: number) => process.exit(code));
    const onSignal = (): void => {
      if (this.stopping) {
        exit(1);
        return;
      }
      void this.shutdown().then((report) => {
        options.onShutdown?.(report);
        exit(report.steps.every((step) => step.outcome === 'done') ? 0 : 1);
      });
    };
    for (const signal of signals) process.on(signal, onSignal);
    return () => {
      for (const signal of signals) process.off(signal, onSignal);
    };
  }
}

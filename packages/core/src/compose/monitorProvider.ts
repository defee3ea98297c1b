import type { MonitorConfig, MonitorConfigInput } from '../config/monitorConfig.js';
import type { CounterProtocol, GaugeProtocol, HistogramProtocol } from '../contracts/metric.js';
import type { MetricsExpositionProtocol } from '../contracts/metricsExposition.js';
import { MonitorError } from '../errors/monitorError.js';
import type { HealthCheckResultData } from '../model/healthCheckResult.js';
import { HealthStatus } from '../model/healthStatus.js';
import type { Labels } from '../model/labels.js';
import { MONITOR_TOKENS, type MonitorContainer } from './container.js';
import { createMonitor, type CreateMonitorOptions } from './createMonitor.js';
import type { Monitor, MonitorShutdownReport } from './monitor.js';

/** A node:http-style listener serving the metrics exposition. */
export type MetricsApp = (
  req: { headers: Record<string, string | string[] | undefined> },
  res: {
    statusCode: number;
    setHeader(name: string, value: string): unknown;
    end(body: string): unknown;
  },
) => Promise<void>;

/**
 * The reference's monitoring provider, for any container with `register` / `resolve`:
 * `register` binds every monitoring singleton (built by `createMonitor`), `boot` starts it,
 * `shutdown` drains and closes it (cleaning up the `HealthCheckerRegistry`).
 *
 * @example
 * ```ts
 * const provider = MonitorProvider.fromConfig({ backendType: 'prometheus' });
 * await provider.register(container);
 * await provider.boot();
 * provider.recordRequest('GET', '/orders', 200, 0.012);
 * await provider.shutdown();
 * ```
 */
export class MonitorProvider {
  private current: Monitor | undefined;
  private booted = false;

  constructor(
    private readonly config: MonitorConfigInput | MonitorConfig = {},
    private readonly options: CreateMonitorOptions = {},
  ) {}

  /** A provider for `config` (object, then `LEX_MONITOR_*` on top). */
  static fromConfig(
    config: MonitorConfigInput | MonitorConfig = {},
    options: CreateMonitorOptions = {},
  ): MonitorProvider {
    return new MonitorProvider(config, options);
  }

  /** The monitor, once `register` ran. */
  get monitor(): Monitor {
    if (!this.current) {
      throw new MonitorError('MonitorProvider: call register(container) before using it');
    }
    return this.current;
  }

  /**
   * Build the monitor and bind its singletons: the reference's protocol tokens, the
   * `HealthCheckerRegistry`, an `AlertDispatcherProtocol` (a logging one when none is
   * configured and monitor-slo is installed), and `prometheus_metrics_app` for the Prometheus
   * backend.
   */
  async register(container: MonitorContainer): Promise<void> {
    const monitor = (this.current ??= await createMonitor(this.config, this.options));
    container.register(MONITOR_TOKENS.monitor, monitor);
    container.register(MONITOR_TOKENS.metricsCollector, monitor.meter);
    container.register(MONITOR_TOKENS.tracer, monitor.tracer);
    container.register(MONITOR_TOKENS.healthCheckRegistry, monitor.health);
    container.register(MONITOR_TOKENS.metricsBackend, monitor.backend);
    container.register(MONITOR_TOKENS.observability, monitor.observability);
    const checkers = monitor.get(MONITOR_TOKENS_SERVICE.healthCheckerRegistry);
    if (checkers) container.register(MONITOR_TOKENS.healthCheckerRegistry, checkers);
    const dispatcher = monitor.alertDispatchers[0];
    if (dispatcher) container.register(MONITOR_TOKENS.alertDispatcher, dispatcher);
    if (monitor.config.backendType === 'prometheus' && monitor.exposition) {
      container.register(MONITOR_TOKENS.prometheusApp, metricsApp(monitor.exposition));
    }
  }

  /** Start the monitor (backend, runtime metrics, SLO feed). */
  async boot(): Promise<void> {
    await this.monitor.start();
    this.booted = true;
  }

  /** Drain, flush and close the monitor, each phase under its deadline. */
  shutdown(): Promise<MonitorShutdownReport> {
    return this.monitor.shutdown();
  }

  /** The provider's own health: healthy once booted and until shutdown begins. */
  health(): Promise<HealthCheckResultData> {
    const running = this.current !== undefined && this.booted && !this.current.shuttingDown;
    return Promise.resolve({
      status: running ? HealthStatus.Healthy : HealthStatus.Unhealthy,
      message: running ? 'monitor running' : 'monitor not running',
      details: { installed: this.current ? { ...this.current.installed } : {} },
      timestamp: Date.now(),
      durationMs: 0,
    });
  }

  /** Record an HTTP request: `http_requests_total` and `http_request_duration_seconds`. */
  recordRequest(method: string, path: string, statusCode: number, durationSeconds: number): void {
    const labels = { method, path, status: String(statusCode) };
    const meter = this.monitor.meter;
    meter.increment('http_requests_total', 1, labels);
    meter.recordHistogram('http_request_duration_seconds', durationSeconds, labels);
  }

  /** Record a connection count change on the `active_connections` gauge. */
  recordConnection(delta: number): void {
    this.monitor.meter.createGauge('active_connections', 'Open connections').inc(delta);
  }

  /** Create (or get) a counter metric. */
  createCounter(name: string, description = '', labels?: Labels): CounterProtocol {
    return this.monitor.meter.createCounter(name, description, labels ? { labels } : {});
  }

  /** Create (or get) a gauge metric. */
  createGauge(name: string, description = '', labels?: Labels): GaugeProtocol {
    return this.monitor.meter.createGauge(name, description, labels ? { labels } : {});
  }

  /** Create (or get) a histogram metric with optional bucket bounds (seconds for durations). */
  createHistogram(
    name: string,
    description = '',
    labels?: Labels,
    buckets?: readonly number[],
  ): HistogramProtocol {
    return this.monitor.meter.createHistogram(name, description, {
      ...(labels ? { labels } : {}),
      ...(buckets ? { buckets } : {}),
    });
  }
}

const MONITOR_TOKENS_SERVICE = { healthCheckerRegistry: 'healthCheckerRegistry' } as const;

function metricsApp(exposition: MetricsExpositionProtocol): MetricsApp {
  return async (req, res) => {
    const accept = req.headers['accept'];
    const value = Array.isArray(accept) ? accept.join(', ') : accept;
    res.statusCode = 200;
    res.setHeader('content-type', exposition.contentType(value));
    res.end(await exposition.render(value));
  };
}

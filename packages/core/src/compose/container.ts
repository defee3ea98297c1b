/**
 * Any dependency-injection container: something that binds a value to a token and gives it back.
 * A `Map` qualifies (`set` is adapted by {@link mapContainer}).
 */
export interface MonitorContainer {
  register(token: string, value: unknown): unknown;
  resolve<T = unknown>(token: string): T | undefined;
}

/** A {@link MonitorContainer} over a plain `Map`. */
export function mapContainer(map: Map<string, unknown> = new Map()): MonitorContainer {
  return {
    register: (token, value) => map.set(token, value),
    resolve: <T>(token: string) => map.get(token) as T | undefined,
  };
}

/** Tokens the providers bind, named after the reference's protocols. */
export const MONITOR_TOKENS = Object.freeze({
  metricsCollector: 'MetricsCollectorProtocol',
  tracer: 'TracerProtocol',
  healthCheckRegistry: 'HealthCheckRegistryProtocol',
  metricsBackend: 'MetricsBackendProtocol',
  alertDispatcher: 'AlertDispatcherProtocol',
  healthCheckerRegistry: 'HealthCheckerRegistry',
  observability: 'ObservabilityService',
  monitor: 'Monitor',
  prometheusApp: 'prometheus_metrics_app',
});

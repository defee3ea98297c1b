import { NOOP_HEALTH_CHECK_REGISTRY } from '../noop/noOpHealthCheckRegistry.js';
import { NoOpMetricsBackend } from '../noop/noOpMetricsBackend.js';
import { NOOP_METRICS_COLLECTOR } from '../noop/noOpMetricsCollector.js';
import { NOOP_TRACER } from '../noop/noOpTracer.js';
import { ObservabilityService } from '../facade/observabilityService.js';
import { MONITOR_TOKENS, type MonitorContainer } from './container.js';

/**
 * Registers no-op stubs for every observability contract, so application code can always
 * resolve the metrics collector, tracer and health registry, even with no monitor configured.
 * `MonitorProvider` runs after it and overrides these with the real implementations.
 *
 * @example
 * ```ts
 * await new ObservabilityProvider().register(container);
 * container.resolve('TracerProtocol'); // a NoOpTracer
 * ```
 */
export class ObservabilityProvider {
  /** Bind the no-ops. */
  register(container: MonitorContainer): Promise<void> {
    container.register(MONITOR_TOKENS.metricsCollector, NOOP_METRICS_COLLECTOR);
    container.register(MONITOR_TOKENS.tracer, NOOP_TRACER);
    container.register(MONITOR_TOKENS.healthCheckRegistry, NOOP_HEALTH_CHECK_REGISTRY);
    container.register(MONITOR_TOKENS.metricsBackend, new NoOpMetricsBackend());
    container.register(MONITOR_TOKENS.observability, new ObservabilityService());
    return Promise.resolve();
  }

  /** No boot-time work. */
  boot(): Promise<void> {
    return Promise.resolve();
  }

  /** No resources to release. */
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

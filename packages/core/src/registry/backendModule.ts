import type { MonitorConfig } from '../config/monitorConfig.js';
import type { MetricsBackendProtocol } from '../contracts/metricsBackend.js';
import type { ExporterHandler } from './handlerRegistry.js';

/** Config handed to a backend handler: the backend type and the whole monitor config. */
export interface BackendConfig {
  readonly type: string;
  readonly config: MonitorConfig;
}

/** Creates one backend type. */
export type BackendHandler = ExporterHandler<BackendConfig, MetricsBackendProtocol>;

/**
 * What a backend package exports for discovery: a named export `monitorBackends` holding its
 * handlers.
 *
 * @example
 * ```ts
 * // in @lexigram/monitor-backend-prometheus
 * export const monitorBackends: BackendHandler[] = [prometheusBackendHandler];
 * ```
 */
export interface BackendModule {
  readonly monitorBackends: readonly BackendHandler[];
}

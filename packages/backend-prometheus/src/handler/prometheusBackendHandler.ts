import type { BackendConfig, BackendHandler, MetricsBackendProtocol } from '@lexigram/monitor-core';
import { PrometheusBackend } from '../backend/prometheusBackend.js';

/**
 * Creates a {@link PrometheusBackend} for backend type `prometheus` from the monitor config (its
 * `prometheus` section), for core's discovery: `createMetricsBackend({ backendType: 'prometheus' })`.
 */
export const prometheusBackendHandler: BackendHandler = {
  canHandle: (type: string): boolean => type === 'prometheus',
  create: (config: BackendConfig): MetricsBackendProtocol =>
    new PrometheusBackend({ config: config.config, env: false }),
};

/** What core's backend discovery reads from this package. */
export const monitorBackends: readonly BackendHandler[] = [prometheusBackendHandler];

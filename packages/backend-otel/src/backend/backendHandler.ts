import type { BackendConfig, BackendHandler } from '@lexigram/monitor-core';
import { OpenTelemetryBackend } from './openTelemetryBackend.js';

/** Creates the {@link OpenTelemetryBackend} for `backendType: 'opentelemetry'`. */
export const openTelemetryBackendHandler: BackendHandler & { readonly types: readonly string[] } = {
  types: ['opentelemetry'],
  canHandle: (type) => type === 'opentelemetry',
  create: ({ config }: BackendConfig) =>
    new OpenTelemetryBackend({
      // loadConfig already put OTEL_SERVICE_NAME into tracing.serviceName when it was set.
      serviceName: config.tracing.serviceName,
      ...(config.opentelemetry ? { config: config.opentelemetry } : {}),
    }),
};

/** What core's backend discovery reads from this package. */
export const monitorBackends: readonly BackendHandler[] = [openTelemetryBackendHandler];

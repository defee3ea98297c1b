import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import type { OtlpAttributes } from '../metrics/otlpMetricsModel.js';

/** The reference's default service name. */
export const DEFAULT_SERVICE_NAME = 'lexigram-app';

/**
 * Resource attributes for an exporter: `OTEL_RESOURCE_ATTRIBUTES` and `OTEL_SERVICE_NAME` (read
 * by OpenTelemetry's own environment detector, unless `readEnv` is false), under the attributes
 * given in code, with `service.name` defaulting to `lexigram-app`.
 */
export function detectResourceAttributes(
  own: Readonly<Record<string, string | number | boolean>> = {},
  serviceName?: string,
  readEnv = true,
): OtlpAttributes {
  const detected = detectResources({ detectors: readEnv ? [envDetector] : [] });
  const merged = resourceFromAttributes({ 'service.name': DEFAULT_SERVICE_NAME })
    .merge(detected)
    .merge(
      resourceFromAttributes({ ...own, ...(serviceName ? { 'service.name': serviceName } : {}) }),
    );
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(merged.attributes)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out[key] = value;
    }
  }
  return out;
}

import { z } from 'zod';
import {
  HealthCheckConfigSchema,
  LoggingConfigSchema,
  MetricsConfigSchema,
  OpenTelemetryConfigSchema,
  PrometheusConfigSchema,
  SloConfigSchema,
  TracingConfigSchema,
  type OpenTelemetryConfig,
  type PrometheusConfig,
} from './sectionSchemas.js';

/** Environments `validate()` knows how to judge. */
export const EnvironmentSchema = z.enum(['development', 'test', 'staging', 'production']);

/** A deployment environment. */
export type Environment = z.infer<typeof EnvironmentSchema>;

/** Root configuration of Lexigram Monitor. */
export const MonitorConfigSchema = z.strictObject({
  /** Master switch: when false, everything runs on no-ops. */
  enabled: z.boolean().default(true),
  /** Configuration name. */
  name: z.string().min(1).default('monitor'),
  /**
   * Metrics backend: `memory` and `noop` are built in; `prometheus`, `opentelemetry` or a
   * third-party type come from installed backend packages.
   */
  backendType: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/, {
      error: 'must be a backend name such as "memory" or "prometheus"',
    })
    .default('memory'),
  /** Extra backend packages to discover, besides the known ones. */
  backendPackages: z.array(z.string().min(1)).default([]),
  metrics: MetricsConfigSchema.prefault({}),
  tracing: TracingConfigSchema.prefault({}),
  health: HealthCheckConfigSchema.prefault({}),
  logging: LoggingConfigSchema.prefault({}),
  /** Needed when `backendType` is `opentelemetry`. */
  opentelemetry: OpenTelemetryConfigSchema.optional(),
  /** Needed when `backendType` is `prometheus`. */
  prometheus: PrometheusConfigSchema.optional(),
  /** SLOs `createMonitor` tracks (needs monitor-slo). */
  slos: z.array(SloConfigSchema).default([]),
  environment: EnvironmentSchema.default('development'),
  debug: z.boolean().default(false),
});

/** Root configuration with every default applied. */
export type MonitorConfig = z.infer<typeof MonitorConfigSchema>;

/** What a user may pass: every field optional. */
export type MonitorConfigInput = z.input<typeof MonitorConfigSchema>;

/**
 * The configuration section of the selected backend: `opentelemetry` or `prometheus` (with that
 * section's defaults when it was left out), or undefined for built-in and third-party backends.
 */
export function getBackendConfig(
  config: MonitorConfig,
): OpenTelemetryConfig | PrometheusConfig | undefined {
  switch (config.backendType) {
    case 'opentelemetry':
      return config.opentelemetry ?? OpenTelemetryConfigSchema.parse({});
    case 'prometheus':
      return config.prometheus ?? PrometheusConfigSchema.parse({});
    default:
      return undefined;
  }
}

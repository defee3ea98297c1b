import { z } from 'zod';
import { MAX_TIMER_DELAY_MS } from '../internal/durations.js';

/**
 * Zod schemas of each config section. Every field has the reference's default (durations in ms,
 * the unit in the name); unknown fields are rejected so a typo is an error, not a silent no-op.
 */

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Prometheus' default histogram buckets (seconds). */
export const DEFAULT_HISTOGRAM_BUCKETS: readonly number[] = Object.freeze([
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
]);

const positiveMs = (what: string) =>
  z
    .number({ error: `${what} must be a number of milliseconds` })
    .int()
    .positive()
    // Node turns a longer timer delay into 1 ms: one rule for every duration (core/internal).
    .max(MAX_TIMER_DELAY_MS, {
      error: `${what} must be at most ${MAX_TIMER_DELAY_MS} ms (about 24.8 days, the longest delay a Node.js timer honours)`,
    });

/** Metrics collection settings. */
export const MetricsConfigSchema = z.strictObject({
  /** Whether metrics are collected. */
  enabled: z.boolean().default(true),
  /** Prefix added to every metric name (`prefix_name`); empty for none. */
  prefix: z
    .string()
    .refine((v) => v === '' || METRIC_NAME.test(v), {
      error: 'must be empty or a valid metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)',
    })
    .default(''),
  /** Labels added to every series of every metric. */
  defaultLabels: z
    .record(
      z.string().regex(LABEL_NAME, { error: 'label names must match [a-zA-Z_][a-zA-Z0-9_]*' }),
      z.string(),
    )
    .default({}),
  /** Default bucket bounds of histograms: ascending, finite. */
  histogramBuckets: z
    .array(z.number().finite())
    .min(1)
    .refine((b) => b.every((v, i) => i === 0 || v > b[i - 1]!), {
      error: 'must be strictly ascending',
    })
    .default([...DEFAULT_HISTOGRAM_BUCKETS]),
  /** Interval of periodic collection/export. */
  collectionIntervalMs: positiveMs('collectionIntervalMs').default(60_000),
  /** Cardinality cap per metric; past it observations go to one overflow series. */
  maxSeriesPerMetric: z.number().int().positive().default(2000),
});

/** Propagation formats a tracer can read and write. */
export const PropagationFormatSchema = z.enum(['tracecontext', 'baggage', 'b3', 'b3multi']);

/** Distributed tracing settings. */
export const TracingConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** `service.name` of every span. */
  serviceName: z.string().min(1).default('lexigram-service'),
  /**
   * Where `createMonitor` sends finished spans: `none` (kept in the tracer only), `console`,
   * `memory` (readable back, for tests and demos) or `otlp` (needs monitor-backend-otel).
   */
  exporter: z.enum(['none', 'console', 'memory', 'otlp']).default('none'),
  samplerType: z
    .enum(['always_on', 'always_off', 'probability', 'parent_based', 'rate_limiting'])
    .default('always_on'),
  /** Ratio of traces kept by the probability sampler, 0..1. */
  sampleRate: z
    .number()
    .min(0, { error: 'must be between 0 and 1' })
    .max(1, { error: 'must be between 0 and 1' })
    .default(1),
  /** Traces per second kept by the rate-limiting sampler. */
  maxTracesPerSecond: z.number().positive().default(100),
  /** Header formats injected and extracted. */
  propagationFormats: z.array(PropagationFormatSchema).min(1).default(['tracecontext', 'baggage']),
  maxAttributes: z.number().int().nonnegative().default(128),
  maxEvents: z.number().int().nonnegative().default(128),
  maxLinks: z.number().int().nonnegative().default(128),
});

/** Health check settings. */
export const HealthCheckConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** HTTP path of the health endpoint. */
  path: z.string().startsWith('/', { error: 'must start with "/"' }).default('/health'),
  /** Include per-check details in responses. */
  includeDetails: z.boolean().default(true),
  /** Default timeout of each check. */
  timeoutMs: positiveMs('timeoutMs').default(5000),
  /** Names of the checks to include; empty for all. */
  checks: z.array(z.string().min(1)).default([]),
});

/** Structured logging settings. */
export const LoggingConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** `json` lines, or `text` lines for people. */
  format: z.enum(['json', 'text']).default('json'),
  /** Add `trace_id` / `span_id` of the active span to every log line. */
  includeTraceContext: z.boolean().default(true),
  /** Field names whose values are replaced by `[REDACTED]` at any depth (case-insensitive). */
  redactFields: z
    .array(z.string().min(1))
    .default(['password', 'secret', 'token', 'authorization', 'cookie', 'apiKey', 'api_key']),
});

/** OpenTelemetry (OTLP) backend settings. */
export const OpenTelemetryConfigSchema = z.strictObject({
  /** OTLP/HTTP endpoint. */
  endpoint: z
    .url({ error: 'must be a URL such as http://localhost:4318' })
    .default('http://localhost:4318'),
  /** Headers sent with every export. */
  headers: z.record(z.string(), z.string()).default({}),
  /** Allow plain HTTP. */
  insecure: z.boolean().default(false),
  /** Export timeout. */
  timeoutMs: positiveMs('timeoutMs').default(10_000),
  compression: z.enum(['none', 'gzip']).default('none'),
  /** OTLP/HTTP encoding: `http/protobuf` (the OTLP default) or `http/json`. */
  protocol: z.enum(['http/protobuf', 'http/json']).default('http/protobuf'),
  /** Spans per export batch. */
  batchSize: z.number().int().positive().default(512),
  /** Interval of metric exports. */
  exportIntervalMs: positiveMs('exportIntervalMs').default(60_000),
});

/** Prometheus backend settings. */
export const PrometheusConfigSchema = z.strictObject({
  /** Port of the metrics HTTP server. */
  port: z.number().int().min(0).max(65535).default(9464),
  /** Path of the metrics endpoint. */
  path: z.string().startsWith('/', { error: 'must start with "/"' }).default('/metrics'),
  /** Expose default process metrics. */
  enableDefaultMetrics: z.boolean().default(true),
  /** Pushgateway URL for push-based metrics. */
  pushgatewayUrl: z.url({ error: 'must be a URL such as http://pushgateway:9091' }).optional(),
  /** Interval of pushes to the Pushgateway. */
  pushIntervalMs: positiveMs('pushIntervalMs').default(15_000),
  /** Persist observations to a database. */
  storeInDb: z.boolean().default(false),
  /** Table the observations go to: a plain SQL identifier, since it is written into SQL. */
  metricsTable: z
    .string()
    .regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/, {
      error: 'must be a plain SQL table name ([a-zA-Z_][a-zA-Z0-9_]*, at most 63 characters)',
    })
    .default('metrics'),
  /**
   * PostgreSQL connection URL of the metric store (`postgres://user@host:5432/db`); when unset
   * the store is an embedded SQLite file (`dbFile`).
   */
  databaseUrl: z
    .url({
      protocol: /^postgres(ql)?$/,
      error: 'must be a PostgreSQL URL such as postgres://user@localhost:5432/metrics',
    })
    .optional(),
  /** File of the embedded SQLite metric store, used when `databaseUrl` is unset. */
  dbFile: z.string().min(1).default('lexigram-metrics.sqlite'),
  /** Age past which stored rows are deleted. Default 7 days. */
  retentionMs: positiveMs('retentionMs').default(604_800_000),
  /** Rows held in memory while the database is unreachable; past it the oldest are dropped. */
  maxBufferedRows: z.number().int().positive().default(100_000),
});

/** Metrics collection settings, defaults applied. */
export type MetricsConfig = z.infer<typeof MetricsConfigSchema>;
/** Tracing settings, defaults applied. */
export type TracingConfig = z.infer<typeof TracingConfigSchema>;
/** Health check settings, defaults applied. */
export type HealthCheckConfig = z.infer<typeof HealthCheckConfigSchema>;
/** Logging settings, defaults applied. */
export type LoggingConfig = z.infer<typeof LoggingConfigSchema>;
/** OpenTelemetry settings, defaults applied. */
export type OpenTelemetryConfig = z.infer<typeof OpenTelemetryConfigSchema>;
/** Prometheus settings, defaults applied. */
export type PrometheusConfig = z.infer<typeof PrometheusConfigSchema>;
/** One trace-context propagation format. */
export type PropagationFormat = z.infer<typeof PropagationFormatSchema>;

/**
 * The metric name with the configured prefix: `prefix_name`, or `name` when there is no prefix
 * (a prefix ending in `_` or `:` is not doubled).
 */
export function prefixedMetricName(config: Pick<MetricsConfig, 'prefix'>, name: string): string {
  const prefix = config.prefix;
  if (!prefix) return name;
  return prefix.endsWith('_') || prefix.endsWith(':') ? prefix + name : `${prefix}_${name}`;
}

/**
 * One SLO `createMonitor` tracks, fed by the histogram it names (by default the middleware's
 * request duration). With `thresholdMs` it is a latency SLO (good = at most that long); without,
 * an availability SLO (bad = a 5xx `http.response.status_code`, or an `error.type` label).
 */
export const SloConfigSchema = z.strictObject({
  name: z.string().min(1),
  /** Fraction of good events promised, e.g. 0.999. */
  objective: z
    .number()
    .gt(0, { error: 'must be between 0 and 1 (exclusive), e.g. 0.999' })
    .lt(1, { error: 'must be between 0 and 1 (exclusive), e.g. 0.999' }),
  /** Histogram whose observations are the SLO's events. */
  metric: z.string().min(1).default('http.server.request.duration'),
  /** Makes it a latency SLO; must be a bucket bound of the histogram to be exact. */
  thresholdMs: z.number().positive().optional(),
  /** Period the error budget covers. Default 30 days. */
  periodMs: z.number().int().positive().optional(),
});

/** One SLO of the config, defaults applied. */
export type SloConfig = z.infer<typeof SloConfigSchema>;

import type {
  MonitorConfig,
  MonitorConfigInput,
  MonitorFaultHandler,
  TracerProtocol,
} from '@lexigram/monitor-core';
import type { Registry } from 'prom-client';
import type { MetricFamilySource } from '../exposition/prometheusExposition.js';

/** Pushgateway settings of {@link PrometheusBackendOptions}. */
export interface PrometheusPushOptions {
  /** The `job` of the pushed group (default `config.prometheus.pushJob`, `lexigram`). */
  job?: string;
  /** More grouping labels (default none). */
  groupingLabels?: Readonly<Record<string, string>>;
  /** PUT replaces the whole group (default); POST replaces only the families pushed. */
  method?: 'PUT' | 'POST';
  /** Delete the group at shutdown, after the final push (default false). */
  deleteOnShutdown?: boolean;
  /** Time budget of one push attempt (default 5000). */
  timeoutMs?: number;
  /** Retries after a failed attempt (default 2). */
  retries?: number;
  /** First retry delay, doubled each time (default 250). */
  backoffMs?: number;
}

/** Options of `PrometheusBackend`. Fields left out come from `config.prometheus`. */
export interface PrometheusBackendOptions {
  /** Port of the metrics server; 0 picks a free one (default `config.prometheus.port`, 9464). */
  port?: number;
  /** Interface to listen on (default all interfaces). */
  host?: string;
  /** Path of the endpoint (default `config.prometheus.path`, `/metrics`). */
  path?: string;
  /** Monitor configuration (its `prometheus` section); `LEX_MONITOR_*` variables apply on top. */
  config?: MonitorConfig | MonitorConfigInput;
  /** Environment read for `LEX_MONITOR_*` (default `process.env`; false for none). */
  env?: Readonly<Record<string, string | undefined>> | false;
  /** prom-client registry `recordMetric` writes to (default a fresh, isolated one). */
  registry?: Registry;
  /** Serve prom-client's Node.js default metrics (default `config.prometheus.enableDefaultMetrics`). */
  enableDefaultMetrics?: boolean;
  /** Collectors served from the same endpoint (more with `addSource`). */
  sources?: readonly MetricFamilySource[];
  /**
   * Exemplars (default false): a histogram recorded through `recordMetric` inside a sampled span
   * keeps that span's `trace_id` / `span_id` as the exemplar of its bucket (latest wins), written
   * in OpenMetrics responses. Needs an OpenMetrics prom-client registry (the default one is).
   */
  exemplars?: boolean;
  /** Where the current span is read for exemplars (default the process-wide `getObservability().tracer`). */
  tracer?: TracerProtocol;
  /** Start the HTTP server in `initialize()` (default true; false when you only push). */
  serve?: boolean;
  /** Persist snapshots to a database (default `config.prometheus.storeInDb`; see `MetricStore`). */
  storeInDb?: boolean;
  /** Interval of the database snapshots (default `config.metrics.collectionIntervalMs`). */
  storeIntervalMs?: number;
  /** Pushgateway URL (default `config.prometheus.pushgatewayUrl`; none: no pushing). */
  pushgatewayUrl?: string;
  /** Interval of periodic pushes; 0 pushes only on `pushMetrics()` and at shutdown (default `config.prometheus.pushIntervalMs`). */
  pushIntervalMs?: number;
  /** Pushgateway details. */
  push?: PrometheusPushOptions;
  /** Deadline of `shutdown()` (default 5000). */
  shutdownTimeoutMs?: number;
  /** Receives background faults (push failures, port taken, recording faults). */
  onError?: MonitorFaultHandler;
}

/**
 * @lexigram/monitor-backend-prometheus: the Prometheus backend of Lexigram Monitor. Renders core
 * `MetricFamily` snapshots as the Prometheus text format 0.0.4 or OpenMetrics 1.0 (by `Accept`),
 * serves them from a `node:http` endpoint together with prom-client metrics and Node.js default
 * metrics, and pushes to a Pushgateway. Core's backend discovery finds it as type `prometheus`.
 *
 * @packageDocumentation
 */

// Exposition
export {
  PrometheusExposition,
  type MetricFamilySource,
  type PrometheusExpositionOptions,
} from './exposition/prometheusExposition.js';
export {
  OPENMETRICS_CONTENT_TYPE,
  PROMETHEUS_TEXT_CONTENT_TYPE,
  prefersOpenMetrics,
} from './exposition/contentNegotiation.js';
export {
  counterSampleName,
  escapeHelp,
  escapeLabelValue,
  formatValue,
  prometheusFamilyName,
  prometheusUnit,
  sanitizeLabelName,
  sanitizeMetricName,
} from './exposition/prometheusName.js';
export { exposedFamilyName } from './exposition/renderFamily.js';
export type { Exemplar, ExemplarBucket } from './exposition/exemplar.js';
export { metricsRequestListener, writeExposition } from './exposition/metricsRequestListener.js';

// Backend
export { PrometheusBackend } from './backend/prometheusBackend.js';
export type {
  PrometheusBackendOptions,
  PrometheusPushOptions,
} from './backend/prometheusBackendOptions.js';
export { PrometheusMetricsExporter } from './backend/prometheusMetricsExporter.js';
export { PromClientSource } from './backend/promClientSource.js';
export { MetricNameClashError } from './errors/metricNameClashError.js';

// Pushgateway
export { PushgatewayClient, type PushgatewayClientOptions } from './push/pushgatewayClient.js';

// Discovery
export { monitorBackends, prometheusBackendHandler } from './handler/prometheusBackendHandler.js';

// Cluster
export {
  ClusterMetricsAggregator,
  WORKER_UP_METRIC,
  type ClusterMetricsAggregatorOptions,
} from './cluster/clusterMetricsAggregator.js';
export { serveMetricsToPrimary } from './cluster/clusterWorker.js';
export {
  aggregateFamilies,
  type GaugeAggregation,
  type WorkerSnapshot,
} from './cluster/aggregateFamilies.js';

// Database store
export { MetricStore, type MetricStoreOptions, type RangeQuery } from './store/metricStore.js';
export type { StoredPoint } from './store/storeDriver.js';
export { familiesToRows, type MetricRow } from './store/metricRow.js';

// Version
export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';

/**
 * @lexigram/monitor-core: the contracts, shared data model, no-op implementations, errors,
 * config schemas, logging, handler registry and backend discovery every Lexigram Monitor package
 * builds on.
 *
 * @packageDocumentation
 */

// Errors
export { MonitorError, isMonitorError, type MonitorErrorOptions } from './errors/monitorError.js';
export { BackendNotAvailableError } from './errors/backendNotAvailableError.js';
export { InvalidMetricError } from './errors/invalidMetricError.js';
export { InvalidSampleError } from './errors/invalidSampleError.js';
export { MetricCollectionError } from './errors/metricCollectionError.js';
export { SpanExportError } from './errors/spanExportError.js';
export type { MonitorErrorCode } from './errors/errorCodes.js';
export { MetricNotFoundError } from './errors/metricNotFoundError.js';
export { PerformanceMonitorError } from './errors/performanceMonitorError.js';
export { SpanError } from './errors/spanError.js';
export { MonitorConfigError, type ConfigFieldError } from './errors/configError.js';

// Data model
export { HealthStatus } from './model/healthStatus.js';
export { HealthCheckCategory } from './model/healthCheckCategory.js';
export { SpanKind } from './model/spanKind.js';
export { SpanStatus } from './model/spanStatus.js';
export { BackendType } from './model/backendType.js';
export { SamplerType } from './model/samplerType.js';
export { MetricType } from './model/metricType.js';
export type { Labels } from './model/labels.js';
export type { MetricValue } from './model/metricValue.js';
export type {
  CounterFamily,
  ExemplarData,
  GaugeFamily,
  HistogramBucket,
  HistogramFamily,
  HistogramSeries,
  MetricFamily,
  MetricsProducer,
  NumberSeries,
  SummaryFamily,
  SummaryQuantile,
  SummarySeries,
} from './model/metricSnapshot.js';
export {
  hrTimeDuration,
  hrTimeNow,
  hrTimeToMillis,
  hrTimeToNanos,
  millisToHrTime,
  type HrTime,
} from './model/hrTime.js';
export { isAttributeValue, type AttributeValue, type Attributes } from './model/attributes.js';
export {
  TRACE_FLAG_RANDOM,
  TRACE_FLAG_SAMPLED,
  type ReadableSpanData,
  type ResourceData,
  type SpanContextData,
  type SpanEventData,
  type SpanLinkData,
  type SpanStatusData,
} from './model/spanData.js';
export type { HealthCheckResultData, HealthReport } from './model/healthCheckResult.js';

// Hooks
export type {
  AlertFiredHook,
  HealthCheckRunHook,
  MetricRecordedHook,
  MonitorHookPayloads,
} from './hooks/hookPayloads.js';
export { Hook, type HookListener } from './hooks/hook.js';
export { createHookBus, monitorHooks, type HookBus } from './hooks/hookBus.js';

// Contracts
export type {
  BoundCounter,
  BoundGauge,
  BoundObserver,
  CollectableMetric,
  CounterProtocol,
  GaugeOptions,
  GaugeProtocol,
  GaugeSetter,
  HistogramOptions,
  HistogramProtocol,
  InstrumentOptions,
  MetricProtocol,
  SummaryOptions,
  SummaryProtocol,
} from './contracts/metric.js';
export type { MetricsCollectorProtocol } from './contracts/metricsCollector.js';
export type {
  HistogramSeriesReader,
  HistogramSeriesVisitor,
} from './contracts/histogramSeriesReader.js';
export type { MetricsBackendProtocol } from './contracts/metricsBackend.js';
export type { SpanExporter } from './contracts/spanExporter.js';
export type { SpanProtocol } from './contracts/span.js';
export type {
  StartSpanLink,
  StartSpanOptions,
  TextMapGetterCarrier,
  TextMapSetterCarrier,
  TracerProtocol,
} from './contracts/tracer.js';
export type {
  HealthCheckFunction,
  HealthCheckOptions,
  HealthCheckOutcome,
  HealthCheckerProtocol,
} from './contracts/healthChecker.js';
export type {
  HealthCheckRegistryProtocol,
  HealthProbesProtocol,
} from './contracts/healthCheckRegistry.js';
export type { AlertDispatcherProtocol, AlertSeverity } from './contracts/alertDispatcher.js';
export type { MetricsExpositionProtocol } from './contracts/metricsExposition.js';
export type { RecentSpansProtocol } from './contracts/recentSpans.js';
export type { SloStatusData, SloStatusProtocol, SloWindowBurnData } from './contracts/sloStatus.js';
export type { RuntimeStatsData, RuntimeStatsProtocol } from './contracts/runtimeStats.js';

// Health rendering (shared by the health package and the middleware's endpoints)
export type { HealthRenderer, HealthResponse, RenderOptions } from './health/healthResponse.js';
export { httpStatusFor, renderJson } from './health/renderJson.js';
export {
  HEALTH_JSON_CONTENT_TYPE,
  renderHealthJson,
  toHealthJsonStatus,
  type HealthJsonOptions,
  type HealthJsonStatus,
} from './health/renderHealthJson.js';
export { renderText, type TextRenderOptions } from './health/renderText.js';
export {
  healthFormatFromAccept,
  renderHealth,
  type AnyRenderOptions,
  type HealthFormat,
} from './health/renderHealth.js';

// Diagnostics: one channel for background faults
export type { MonitorFault, MonitorFaultHandler } from './diagnostics/monitorFault.js';
export {
  getMonitorFaultCounts,
  resetMonitorFaultCounts,
  setMonitorDiagnostics,
} from './diagnostics/diagnostics.js';

// No-ops
export {
  INVALID_SPAN_CONTEXT,
  NOOP_SPAN,
  NoOpSpan,
  type NoOpSpanOptions,
} from './noop/noOpSpan.js';
export { NOOP_TRACER, NoOpTracer, type NoOpTracerOptions } from './noop/noOpTracer.js';
export { NOOP_METRICS_COLLECTOR, NoOpMetricsCollector } from './noop/noOpMetricsCollector.js';
export {
  NOOP_HEALTH_CHECK_REGISTRY,
  NoOpHealthCheckRegistry,
} from './noop/noOpHealthCheckRegistry.js';
export { NoOpMetricsBackend } from './noop/noOpMetricsBackend.js';
export {
  InMemoryMetricsBackend,
  type InMemoryMetricsBackendOptions,
} from './noop/inMemoryMetricsBackend.js';

// Facade
export { MetricProxy } from './facade/metricProxy.js';
export {
  ObservabilityService,
  type ObservabilityServiceOptions,
} from './facade/observabilityService.js';
export { getObservability, resetObservability, setObservability } from './facade/defaultService.js';

// Config
export {
  DEFAULT_HISTOGRAM_BUCKETS,
  HealthCheckConfigSchema,
  LoggingConfigSchema,
  MetricsConfigSchema,
  OpenTelemetryConfigSchema,
  PrometheusConfigSchema,
  PropagationFormatSchema,
  SloConfigSchema,
  TracingConfigSchema,
  prefixedMetricName,
  type HealthCheckConfig,
  type LoggingConfig,
  type MetricsConfig,
  type OpenTelemetryConfig,
  type PrometheusConfig,
  type PropagationFormat,
  type SloConfig,
  type TracingConfig,
} from './config/sectionSchemas.js';
export {
  EnvironmentSchema,
  MonitorConfigSchema,
  getBackendConfig,
  type Environment,
  type MonitorConfig,
  type MonitorConfigInput,
} from './config/monitorConfig.js';
export { loadConfig, type LoadConfigOptions } from './config/loadConfig.js';
export { ENV_PREFIX, configFromEnv, type EnvConfig } from './config/envConfig.js';
export { validateConfig, type ConfigIssue } from './config/validateConfig.js';

// Logging
export {
  createLogger,
  type CreateLoggerOptions,
  type TraceContextIds,
} from './logging/createLogger.js';
export { REDACTED, redactDeep } from './logging/redact.js';
export { monitor, monitorFunction, type MonitorOptions } from './instrument/monitor.js';

// Handler registry and backend discovery
export {
  HandlerRegistry,
  type ExporterHandler,
  type TypedConfig,
} from './registry/handlerRegistry.js';
export type { BackendConfig, BackendHandler, BackendModule } from './registry/backendModule.js';
export {
  BackendRegistry,
  type DiscoverOptions,
  type DiscoveredPackage,
} from './registry/backendRegistry.js';
export { KNOWN_BACKEND_PACKAGES } from './registry/knownBackends.js';
export { KNOWN_EXPORTER_PACKAGES } from './registry/knownExporters.js';
export { DiscoveringHandlerRegistry } from './registry/discoveringHandlerRegistry.js';
export {
  discoverExporterHandlers,
  EXPORTER_MODULE_EXPORTS,
  type ExporterDiscovery,
  type ExporterDiscoveryOptions,
  type ExporterKind,
} from './registry/exporterDiscovery.js';
export { createMetricsBackend } from './registry/createMetricsBackend.js';
export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
export { createMonitor, type CreateMonitorOptions } from './compose/createMonitor.js';
export {
  Monitor,
  type HandleSignalsOptions,
  type MonitorParts,
  type MonitorShutdownReport,
  type ShutdownDeadlines,
} from './compose/monitor.js';
export {
  MONITOR_PART_ORDER,
  type MonitorAssembly,
  type MonitorContribution,
  type MonitorPartName,
  type MonitorStep,
  type ShutdownPhase,
} from './compose/monitorContribution.js';
export { KNOWN_MONITOR_PACKAGES } from './compose/knownParts.js';
export { discoverContributions, type DiscoveredPart } from './compose/discoverContributions.js';
export type { NamedStep, StepOutcome } from './compose/runSteps.js';
export { MONITOR_TOKENS, mapContainer, type MonitorContainer } from './compose/container.js';
export { ObservabilityProvider } from './compose/observabilityProvider.js';
export { MonitorProvider, type MetricsApp } from './compose/monitorProvider.js';
export {
  MonitorModule,
  type MonitorModuleDefinition,
  type MonitorModuleOptions,
} from './compose/monitorModule.js';

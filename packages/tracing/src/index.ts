/**
 * @lexigram/monitor-tracing: distributed tracing on the contracts of @lexigram/monitor-core.
 * Tracer and spans with AsyncLocalStorage context, W3C Trace Context Level 2 / Baggage / B3
 * propagation, samplers, simple and batch span processors, console and in-memory exporters,
 * `traced`, messaging and database instrumentation, and log correlation.
 *
 * @packageDocumentation
 */

// Tracer
export { Tracer } from './tracer/tracer.js';
export { DEFAULT_MAX_SPANS, type TracerOptions } from './tracer/tracerOptions.js';
export { runInSpan } from './tracer/runInSpan.js';
export {
  InMemoryTraceProvider,
  type InMemoryTraceProviderOptions,
} from './provider/inMemoryTraceProvider.js';

// Spans
export { Span } from './span/span.js';
export { NonRecordingSpan } from './span/nonRecordingSpan.js';
export { ReadableSpanView } from './span/readableSpan.js';
export type { SpanLimits } from './span/spanLimits.js';
export type { SpanLeakReport } from './span/leakTracker.js';
export type { InstrumentationScope } from './span/spanOwner.js';

// Context and ids
export { SpanContext, KNOWN_TRACE_FLAGS } from './context/spanContext.js';
export { activeSpan, activeBaggage } from './context/contextStorage.js';
export { isValidSpanId, isValidTraceId, newSpanId, newTraceId } from './ids/randomIds.js';

// Propagation
export { Propagator } from './propagation/propagator.js';
export {
  TRACEPARENT_HEADER,
  TRACESTATE_HEADER,
  formatTraceparent,
  parseTraceparent,
  type ParsedTraceparent,
} from './propagation/traceparent.js';
export {
  MAX_TRACE_STATE_LENGTH,
  MAX_TRACE_STATE_MEMBERS,
  TraceState,
  isValidTraceStateKey,
  isValidTraceStateValue,
} from './propagation/traceState.js';
export {
  BAGGAGE_HEADER,
  Baggage,
  MAX_BAGGAGE_BYTES,
  MAX_BAGGAGE_MEMBERS,
  isValidBaggageKey,
  type BaggageEntry,
} from './propagation/baggage.js';
export {
  B3_HEADER,
  B3_MULTI_HEADERS,
  extractB3Multi,
  extractB3Single,
  injectB3Multi,
  injectB3Single,
} from './propagation/b3.js';

// Sampling
export type { Sampler } from './sampling/sampler.js';
export { AlwaysOnSampler } from './sampling/alwaysOnSampler.js';
export { AlwaysOffSampler } from './sampling/alwaysOffSampler.js';
export { TraceIdRatioSampler } from './sampling/traceIdRatioSampler.js';
export {
  ParentBasedSampler,
  type ParentBasedSamplerOptions,
} from './sampling/parentBasedSampler.js';
export { RateLimitingSampler } from './sampling/rateLimitingSampler.js';
export { createSampler } from './sampling/createSampler.js';

// Processing and export
export type { SpanProcessor, SpanProcessorStats } from './processing/spanProcessor.js';
export {
  SimpleSpanProcessor,
  type SimpleSpanProcessorOptions,
} from './processing/simpleSpanProcessor.js';
export {
  BATCH_SPAN_PROCESSOR_DEFAULTS,
  BatchSpanProcessor,
  type BatchSpanProcessorOptions,
} from './processing/batchSpanProcessor.js';
export type { ExportErrorHandler } from './processing/errorReporter.js';
/**
 * @deprecated Moved to `@lexigram/monitor-core`; import it from there. Re-exported here for one
 * minor version.
 */
export { SpanExportError } from '@lexigram/monitor-core';
export {
  ConsoleSpanExporter,
  type ConsoleSpanExporterOptions,
} from './export/consoleSpanExporter.js';
export {
  InMemorySpanExporter,
  type InMemorySpanExporterOptions,
} from './export/inMemorySpanExporter.js';
export {
  ConsoleTracingExporterHandler,
  InMemoryTracingExporterHandler,
  TracingExporterRegistry,
  type TracingExporterConfig,
  type TracingExporterHandler,
} from './export/tracingExporterRegistry.js';

// Instrumentation
export { traced, type TracedOptions } from './instrumentation/traced.js';
export {
  injectTraceContext,
  traceConsume,
  tracePublish,
  type ConsumeOptions,
  type MessagingOptions,
  type PublishOptions,
} from './instrumentation/messaging.js';
export {
  DB_QUERIES_METRIC,
  DB_QUERY_DURATION_METRIC,
  instrumentDatabase,
  type DatabaseProvider,
  type InstrumentDatabaseOptions,
} from './instrumentation/instrumentDatabase.js';

// Logging
export { activeTraceIds, traceLogMixin, type TraceLogFields } from './logging/logCorrelation.js';

export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
export { monitorContribution } from './monitorContribution.js';

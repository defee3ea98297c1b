import {
  TracingConfigSchema,
  type AttributeValue,
  type MonitorFaultHandler,
  type SpanExporter,
  type TracingConfig,
} from '@lexigram/monitor-core';
import { FieldChecker, parseOptions } from '@lexigram/monitor-core/internal';
import type { ExportErrorHandler } from '../processing/errorReporter.js';
import type { BatchSpanProcessorOptions } from '../processing/batchSpanProcessor.js';
import type { SpanProcessor } from '../processing/spanProcessor.js';
import type { Sampler } from '../sampling/sampler.js';
import type { SpanLeakReport } from '../span/leakTracker.js';

/** Spans kept for `getAllSpans()` when `maxSpans` is not given. */
export const DEFAULT_MAX_SPANS = 1000;

/** Options of a {@link Tracer}. */
export interface TracerOptions {
  /** `service.name` of every span; overrides `config.serviceName`. */
  serviceName?: string;
  /** Where ended spans go, through `processor`. Without one, spans are only kept in memory. */
  exporter?: SpanExporter;
  /** Spans kept for `getAllSpans()` (a ring: the oldest go first). 0 keeps none. Default 1000. */
  maxSpans?: number;
  /**
   * Tracing settings (core's `TracingConfig`): sampler, propagation formats, limits. Validated;
   * defaults apply to what is left out.
   */
  config?: Partial<TracingConfig>;
  /** A sampler instead of the one `config.samplerType` names. */
  sampler?: Sampler;
  /**
   * How ended spans reach `exporter`: `'batch'` (default), `'simple'` (export each span on
   * end), or a processor of your own (then `exporter` is not used).
   */
  processor?: 'batch' | 'simple' | SpanProcessor;
  /** Settings of the batch processor. */
  batch?: BatchSpanProcessorOptions;
  /**
   * Receives this tracer's background faults: export errors and drops of the built-in
   * processors (`SPAN_EXPORT_FAILED`, `SPANS_DROPPED`) and spans garbage-collected without
   * `end()` (`SPAN_LEAKED`, the report in `fault.details`). Default: the process-wide fault
   * channel (`setMonitorDiagnostics`).
   */
  onError?: MonitorFaultHandler;
  /**
   * Receives export errors of the built-in processors.
   *
   * @deprecated Use `onError` (the error is `fault.error`). Kept for one minor version.
   */
  onExportError?: ExportErrorHandler;
  /** Further resource attributes (`service.version`, `deployment.environment`, ...). */
  resourceAttributes?: Readonly<Record<string, AttributeValue>>;
  /** Count spans garbage-collected without `end()`. Default true. */
  trackLeaks?: boolean;
  /**
   * Called for each group of leaked spans found.
   *
   * @deprecated Use `onError`: each group is a `SPAN_LEAKED` fault with the report as
   * `fault.details`. Kept for one minor version.
   */
  onSpanLeak?: (report: SpanLeakReport) => void;
}

/** Validate `config` against core's schema, as one error listing every bad field. */
export function parseTracingConfig(config: Partial<TracingConfig> | undefined): TracingConfig {
  return parseOptions(TracingConfigSchema, config, { source: 'Tracer options', prefix: 'tracing' });
}

/** Validate `maxSpans`. */
export function parseMaxSpans(maxSpans: number | undefined): number {
  if (maxSpans === undefined) return DEFAULT_MAX_SPANS;
  const check = new FieldChecker('Tracer options');
  check.integerAtLeast('maxSpans', maxSpans, 0);
  check.throwIfInvalid();
  return maxSpans;
}

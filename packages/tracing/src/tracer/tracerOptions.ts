import {
  MonitorConfigError,
  TracingConfigSchema,
  type AttributeValue,
  type SpanExporter,
  type TracingConfig,
} from '@lexigram/monitor-core';
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
  /** Receives export errors of the built-in processors. Default: one process warning. */
  onExportError?: ExportErrorHandler;
  /** Further resource attributes (`service.version`, `deployment.environment`, ...). */
  resourceAttributes?: Readonly<Record<string, AttributeValue>>;
  /** Count spans garbage-collected without `end()`. Default true. */
  trackLeaks?: boolean;
  /**
   * Called for each group of leaked spans found. Default: one process warning the first time,
   * then counting only (see `Tracer.leakedSpanCount`).
   */
  onSpanLeak?: (report: SpanLeakReport) => void;
}

/** Validate `config` against core's schema, as one error listing every bad field. */
export function parseTracingConfig(config: Partial<TracingConfig> | undefined): TracingConfig {
  const result = TracingConfigSchema.safeParse(config ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => {
    const path = ['tracing', ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return {
        path: `${path}.${issue.keys.join(',')}`,
        message: 'unknown field: remove it or check its spelling',
      };
    }
    return { path, message: issue.message };
  });
  throw new MonitorConfigError(fields, { source: 'Tracer options' });
}

/** Validate `maxSpans`. */
export function parseMaxSpans(maxSpans: number | undefined): number {
  if (maxSpans === undefined) return DEFAULT_MAX_SPANS;
  if (!Number.isInteger(maxSpans) || maxSpans < 0) {
    throw new MonitorConfigError(
      [{ path: 'maxSpans', message: `must be an integer >= 0, got ${String(maxSpans)}` }],
      { source: 'Tracer options' },
    );
  }
  return maxSpans;
}

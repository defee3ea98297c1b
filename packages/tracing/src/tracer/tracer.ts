import {
  SpanError,
  SpanKind,
  TRACE_FLAG_RANDOM,
  TRACE_FLAG_SAMPLED,
  type MonitorFaultHandler,
  type ReadableSpanData,
  type RecentSpansProtocol,
  type ResourceData,
  type SpanContextData,
  type SpanProtocol,
  type StartSpanOptions,
  type TextMapGetterCarrier,
  type TextMapSetterCarrier,
  type TracerProtocol,
  type TracingConfig,
} from '@lexigram/monitor-core';
import {
  RingBuffer,
  activeSpanFn,
  activeSpanOptions,
  reportFault,
  type OptionsOrFn,
  type SpanFn,
} from '@lexigram/monitor-core/internal';
import {
  activeBaggage,
  activeSpan,
  runWithBaggage,
  runWithSpan,
} from '../context/contextStorage.js';
import { SpanContext } from '../context/spanContext.js';
import { newSpanId, newTraceId } from '../ids/randomIds.js';
import { BatchSpanProcessor } from '../processing/batchSpanProcessor.js';
import { SimpleSpanProcessor } from '../processing/simpleSpanProcessor.js';
import type { SpanProcessor } from '../processing/spanProcessor.js';
import type { Baggage } from '../propagation/baggage.js';
import { Propagator } from '../propagation/propagator.js';
import { AlwaysOffSampler } from '../sampling/alwaysOffSampler.js';
import { createSampler } from '../sampling/createSampler.js';
import type { Sampler } from '../sampling/sampler.js';
import { LeakTracker, type SpanLeakReport } from '../span/leakTracker.js';
import { NonRecordingSpan } from '../span/nonRecordingSpan.js';
import { Span } from '../span/span.js';
import { spanLimitsFrom, type SpanLimits } from '../span/spanLimits.js';
import type { InstrumentationScope, SpanOwner } from '../span/spanOwner.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../version.js';
import { contextOf, isSpan, resolveParent } from './parentContext.js';
import { runInSpan } from './runInSpan.js';
import { parseMaxSpans, parseTracingConfig, type TracerOptions } from './tracerOptions.js';

// A child keeps its parent's random bit: it describes the trace id, which the child shares.
const RANDOM_BIT = TRACE_FLAG_RANDOM;

/**
 * Creates spans, keeps the active one in AsyncLocalStorage, and propagates context in the
 * formats of `TracingConfig.propagationFormats`. Implements core's `TracerProtocol`, so it plugs
 * into `ObservabilityService` and every instrumentation that takes a tracer.
 *
 * @example
 * ```ts
 * const tracer = new Tracer({ serviceName: 'checkout', exporter: new ConsoleSpanExporter() });
 * await tracer.startActiveSpan('checkout', async (span) => {
 *   span.setAttribute('cart.items', 3);
 *   await charge(); // spans started in here are children of "checkout"
 * });
 * await tracer.shutdown(); // exports what is queued
 * ```
 */
export class Tracer implements TracerProtocol, RecentSpansProtocol, SpanOwner {
  /** `service.name` of every span. */
  readonly serviceName: string;
  /** Validated tracing settings. */
  readonly config: TracingConfig;
  /** Decides which traces are recorded. */
  readonly sampler: Sampler;
  /** Receives ended spans (undefined when there is no exporter). */
  readonly processor: SpanProcessor | undefined;
  /** Reads and writes context headers. */
  readonly propagator: Propagator;
  /** Per-span limits from the config. */
  readonly limits: SpanLimits;
  /** The entity producing the spans. */
  readonly resource: ResourceData;
  /** This library, as the creator of the spans. */
  readonly instrumentationScope: InstrumentationScope = Object.freeze({
    name: PACKAGE_NAME,
    version: PACKAGE_VERSION,
  });
  private readonly ring: RingBuffer<Span> | undefined;
  private readonly neverSample: boolean;
  private readonly leaks: LeakTracker | undefined;

  /** A tracer for `serviceName` exporting to `exporter` (batched), keeping `maxSpans`. */
  constructor(serviceName: string, exporter?: SpanExporterLike, maxSpans?: number);
  /** A tracer configured by `options`. */
  constructor(options?: TracerOptions);
  constructor(
    serviceNameOrOptions: string | TracerOptions = {},
    exporter?: SpanExporterLike,
    maxSpans?: number,
  ) {
    const options: TracerOptions =
      typeof serviceNameOrOptions === 'string'
        ? { serviceName: serviceNameOrOptions, exporter, maxSpans }
        : serviceNameOrOptions;
    const config = parseTracingConfig({
      ...options.config,
      ...(options.serviceName === undefined ? {} : { serviceName: options.serviceName }),
    });
    this.config = config;
    this.serviceName = config.serviceName;
    this.sampler = options.sampler ?? createSampler(config);
    this.neverSample = this.sampler instanceof AlwaysOffSampler;
    this.propagator = new Propagator(config.propagationFormats);
    this.limits = spanLimitsFrom(config);
    this.resource = Object.freeze({
      serviceName: config.serviceName,
      attributes: Object.freeze({
        ...options.resourceAttributes,
        'service.name': config.serviceName,
      }),
    });
    this.processor = createProcessor(options);
    const capacity = parseMaxSpans(options.maxSpans);
    this.ring = capacity > 0 ? new RingBuffer<Span>(capacity) : undefined;
    this.leaks =
      options.trackLeaks === false
        ? undefined
        : new LeakTracker(options.onSpanLeak ?? leakReporter(config.serviceName, options.onError));
  }

  /**
   * Start a span (not made active: see {@link Tracer.startActiveSpan}). Its parent is
   * `options.parent` / `options.context` (a span or span context; `null` for a new trace), or
   * else the active span. Unsampled traces get a non-recording span that still propagates.
   */
  startSpan(name: string, options?: StartSpanOptions): SpanProtocol {
    let parent: SpanContextData | undefined;
    let kind: SpanKind = SpanKind.Internal;
    if (options === undefined) {
      const active = activeSpan();
      if (active !== undefined) parent = contextOf(active);
    } else {
      parent = resolveParent(options);
      if (options.kind !== undefined) kind = options.kind;
    }
    const spanName = typeof name === 'string' ? name : String(name);
    const randomFlag = parent === undefined ? TRACE_FLAG_RANDOM : parent.traceFlags & RANDOM_BIT;
    if (this.neverSample) {
      // Nothing to decide: skip drawing a trace id nobody may ever read.
      return new NonRecordingSpan(spanName, parent?.traceId, randomFlag, parent?.traceState);
    }
    const traceId = parent === undefined ? newTraceId() : parent.traceId;
    if (!this.sampler.shouldSample(traceId, parent, spanName, kind)) {
      return new NonRecordingSpan(spanName, traceId, randomFlag, parent?.traceState);
    }
    const context: SpanContextData = {
      traceId,
      spanId: newSpanId(),
      traceFlags: randomFlag | TRACE_FLAG_SAMPLED,
      traceState: parent?.traceState,
      isRemote: false,
    };
    const span = new Span(this, spanName, context, kind, parent?.spanId, options?.startTime);
    if (options !== undefined) {
      if (options.attributes !== undefined) span.setAttributes(options.attributes);
      if (Array.isArray(options.links)) span.setLinks(options.links);
    }
    this.leaks?.track(span, spanName);
    this.ring?.push(span);
    return span;
  }

  /**
   * Run `fn` with a new span active; the span ends when `fn` returns or its promise settles. A
   * throw or rejection is recorded on the span (exception event, status `error`) and rethrown.
   */
  startActiveSpan<T>(name: string, fn: (span: SpanProtocol) => T): T;
  startActiveSpan<T>(name: string, options: StartSpanOptions, fn: (span: SpanProtocol) => T): T;
  startActiveSpan<T>(name: string, optionsOrFn: OptionsOrFn<T>, maybeFn?: SpanFn<T>): T {
    const fn = activeSpanFn(optionsOrFn, maybeFn);
    if (typeof fn !== 'function') {
      throw new SpanError(
        `startActiveSpan("${name}") needs a callback: startActiveSpan(name, [options], (span) => ...).`,
      );
    }
    const span = this.startSpan(name, activeSpanOptions(optionsOrFn));
    return runInSpan(span, fn);
  }

  /**
   * Run `fn` with `span` active (not ended afterwards). A span context is validated as
   * `startSpan`'s `parent` is: an invalid one, `undefined` or `null` (what `extractContext`
   * returns for a request without trace headers) runs `fn` with no active span, so child spans
   * start a new trace.
   */
  withSpan<T>(span: SpanProtocol | SpanContextData | undefined | null, fn: () => T): T {
    if (typeof span === 'object' && span !== null && isSpan(span)) return runWithSpan(span, fn);
    const context = SpanContext.isValid(span) ? NonRecordingSpan.wrap(span!) : undefined;
    return runWithSpan(context, fn);
  }

  /** The span active in the current async context, if any. */
  getCurrentSpan(): SpanProtocol | undefined {
    return activeSpan();
  }

  /** Recording spans started by this tracer, oldest first (at most `maxSpans`). */
  getAllSpans(): Span[] {
    return this.ring ? this.ring.toArray() : [];
  }

  /**
   * Finished spans from the bounded store of {@link Tracer.getAllSpans}, newest first, at most
   * `limit` (core's `RecentSpansProtocol`, read by the dashboard). Empty with `maxSpans: 0`.
   */
  getRecentSpans(limit = Number.POSITIVE_INFINITY): ReadableSpanData[] {
    const out: ReadableSpanData[] = [];
    if (!this.ring || !(limit > 0)) return out;
    const spans = this.ring.toArray();
    for (let i = spans.length - 1; i >= 0 && out.length < limit; i--) {
      const span = spans[i]!;
      if (span.ended) out.push(span.toReadableSpan());
    }
    return out;
  }

  /** Forget the spans kept for {@link Tracer.getAllSpans}. */
  clearSpans(): void {
    this.ring?.clear();
  }

  /** Write `context` (default: the active span's) and the active baggage into `carrier`. */
  injectContext(carrier: TextMapSetterCarrier, context?: SpanContextData): void {
    if (carrier === null || typeof carrier !== 'object') return;
    const ctx = context ?? activeSpan()?.spanContext();
    this.propagator.inject(carrier, ctx, activeBaggage());
  }

  /** The remote span context in `carrier`; `undefined` when absent or invalid. Never throws. */
  extractContext(carrier: TextMapGetterCarrier): SpanContextData | undefined {
    if (carrier === null || typeof carrier !== 'object') return undefined;
    try {
      return this.propagator.extract(carrier);
    } catch {
      return undefined; // a carrier whose getters throw is treated as empty
    }
  }

  /** The baggage in `carrier` (empty when absent). Never throws. */
  extractBaggage(carrier: TextMapGetterCarrier): Baggage {
    try {
      return this.propagator.extractBaggage(carrier ?? {});
    } catch {
      return this.propagator.extractBaggage({});
    }
  }

  /** The baggage active in the current async context, if any. */
  getBaggage(): Baggage | undefined {
    return activeBaggage();
  }

  /** Run `fn` with `baggage` active; it is injected with the trace context. */
  withBaggage<T>(baggage: Baggage | undefined, fn: () => T): T {
    return runWithBaggage(baggage, fn);
  }

  /** Spans garbage-collected without `end()` so far. */
  get leakedSpanCount(): number {
    return this.leaks?.leakedCount ?? 0;
  }

  /** Export everything ended so far. Never rejects. */
  async forceFlush(): Promise<void> {
    await this.processor?.forceFlush();
  }

  /** Flush and shut the exporter down; spans ended later are dropped. Never rejects. */
  async shutdown(): Promise<void> {
    await this.processor?.shutdown();
  }

  /** @internal Called by a span when it ends. */
  onSpanEnd(span: Span): void {
    const processor = this.processor;
    if (processor === undefined) return;
    try {
      processor.onEnd(span);
    } catch {
      // A custom processor that throws must not break the code that ended the span.
    }
  }
}

/** Anything with an `export` method: a span exporter. */
type SpanExporterLike = NonNullable<TracerOptions['exporter']>;

function createProcessor(options: TracerOptions): SpanProcessor | undefined {
  const { processor, exporter } = options;
  if (processor !== undefined && typeof processor === 'object') return processor;
  if (exporter === undefined) return undefined;
  const legacy = options.onExportError;
  const onError: MonitorFaultHandler | undefined =
    options.onError ?? (legacy ? (fault) => legacy(fault.error) : undefined);
  return processor === 'simple'
    ? new SimpleSpanProcessor(exporter, onError ? { onError } : {})
    : new BatchSpanProcessor(exporter, { ...options.batch, ...(onError ? { onError } : {}) });
}

/** Leaks become `SPAN_LEAKED` faults (rate-limited, one process warning by default). */
function leakReporter(
  serviceName: string,
  onError: MonitorFaultHandler | undefined,
): (report: SpanLeakReport) => void {
  return (report) =>
    reportFault(
      {
        code: 'SPAN_LEAKED',
        component: 'tracing.tracer',
        message: `Tracer "${serviceName}": span "${report.names[0] ?? '?'}" was garbage-collected without end(). End every span (or use startActiveSpan / \`using\`); leaks are counted in tracer.leakedSpanCount.`,
        details: { names: report.names, total: report.total },
      },
      onError,
    );
}

import { performance } from 'node:perf_hooks';
import {
  NoOpMetricsCollector,
  NoOpTracer,
  SpanKind,
  SpanStatus,
  type BoundGauge,
  type HistogramProtocol,
  type MonitorFaultHandler,
  type SpanProtocol,
  type TracerProtocol,
} from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import {
  DEFAULT_EXCLUDED_PATHS,
  validateInstrumentationOptions,
  type HttpInstrumentationOptions,
} from './instrumentationOptions.js';
import { ABORTED_STATUS, HTTP_LABEL_NAMES, HTTP_METRIC_NAMES } from './metricNames.js';
import { hostName, type RequestAccess } from './requestAccess.js';
import { RequestRecord } from './requestRecord.js';
import {
  HTTP_ATTRIBUTES as A,
  HTTP_DURATION_BUCKETS,
  KNOWN_METHODS,
  methodIndex,
  methodName,
} from './semconv.js';
import { SeriesCache } from './seriesCache.js';

/** Reads one response header, for the header allow-list. */
export type ResponseHeaderReader<Res> = (res: Res, name: string) => string | undefined;

// A tracer that can run a function with a given span active (monitor-tracing's Tracer can).
interface ContextTracer extends TracerProtocol {
  withSpan<T>(span: SpanProtocol, fn: () => T): T;
}

const BODY_SIZE_BUCKETS = [100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

/**
 * The framework-free request lifecycle every adapter drives: `start` when a request arrives,
 * `setRoute` once the router matched, `end` when the response finished or the client went away.
 * It owns the server span and the metric series; adapters only read requests and routes.
 */
export class HttpInstrumentation<Req = unknown> {
  private readonly tracer: TracerProtocol | undefined;
  private readonly contextTracer: ContextTracer | undefined;
  private readonly excluded: ReadonlySet<string>;
  private readonly ignore: ((req: Req) => boolean) | undefined;
  private readonly series: SeriesCache | undefined;
  private readonly active: (BoundGauge | undefined)[] = [];
  private readonly activeGauge: ((method: number) => BoundGauge) | undefined;
  private readonly requestSize: HistogramProtocol | undefined;
  private readonly responseSize: HistogramProtocol | undefined;
  private readonly requestHeaders: readonly string[];
  private readonly responseHeaders: readonly string[];
  private readonly onError: MonitorFaultHandler | undefined;

  constructor(
    private readonly access: RequestAccess<Req>,
    options: HttpInstrumentationOptions<Req> = {},
    source = 'HttpInstrumentation options',
  ) {
    validateInstrumentationOptions(options, source);
    // The shared no-ops record nothing: skip them so an unconfigured app pays nothing.
    this.tracer = options.tracer instanceof NoOpTracer ? undefined : options.tracer;
    this.contextTracer =
      typeof (this.tracer as Partial<ContextTracer> | undefined)?.withSpan === 'function'
        ? (this.tracer as ContextTracer)
        : undefined;
    this.excluded = new Set(options.excludePaths ?? DEFAULT_EXCLUDED_PATHS);
    this.ignore = options.ignore;
    this.onError = options.onError;
    this.requestHeaders = (options.headers?.request ?? []).map((h) => h.toLowerCase());
    this.responseHeaders = (options.headers?.response ?? []).map((h) => h.toLowerCase());
    const collector =
      options.metricsCollector instanceof NoOpMetricsCollector
        ? undefined
        : options.metricsCollector;
    if (collector !== undefined) {
      const duration = collector.createHistogram(
        HTTP_METRIC_NAMES.requestDuration,
        'Duration of HTTP server requests.',
        {
          unit: 'seconds',
          buckets: options.durationBuckets ?? HTTP_DURATION_BUCKETS,
          labelNames: [HTTP_LABEL_NAMES.method, HTTP_LABEL_NAMES.route, HTTP_LABEL_NAMES.status],
        },
      );
      this.series = new SeriesCache(duration, options.maxRoutes ?? 1000);
      const gauge = collector.createGauge(
        HTTP_METRIC_NAMES.activeRequests,
        'Number of HTTP server requests in flight.',
        { labelNames: [HTTP_LABEL_NAMES.method] },
      );
      this.activeGauge = (method) =>
        gauge.labels({ [HTTP_LABEL_NAMES.method]: methodName(method) });
      for (let i = 0; i <= KNOWN_METHODS.length; i++) this.active.push(undefined);
      if (options.recordBodySizes === true) {
        const sizeOptions = {
          unit: 'bytes',
          buckets: BODY_SIZE_BUCKETS,
          labelNames: [HTTP_LABEL_NAMES.method, HTTP_LABEL_NAMES.route, HTTP_LABEL_NAMES.status],
        };
        this.requestSize = collector.createHistogram(
          HTTP_METRIC_NAMES.requestBodySize,
          'Size of HTTP server request bodies.',
          sizeOptions,
        );
        this.responseSize = collector.createHistogram(
          HTTP_METRIC_NAMES.responseBodySize,
          'Size of HTTP server response bodies.',
          sizeOptions,
        );
      }
    } else {
      this.activeGauge = undefined;
    }
  }

  /** True when the request is left out: an excluded path or `ignore(req)` said so. */
  skips(req: Req, path: string): boolean {
    if (this.excluded.has(path)) return true;
    if (this.ignore === undefined) return false;
    try {
      return this.ignore(req) === true;
    } catch (error) {
      this.fault(
        'IGNORE_HOOK_FAILED',
        'the ignore(req) hook threw; the request is instrumented',
        error,
      );
      return false;
    }
  }

  /** Begin a request; undefined when it is skipped. */
  start(req: Req): RequestRecord | undefined {
    const access = this.access;
    const path = access.path(req);
    if (this.skips(req, path)) return undefined;
    const rawMethod = access.method(req);
    const method = methodIndex(rawMethod);
    let active: BoundGauge | undefined;
    if (this.activeGauge !== undefined) {
      active = this.active[method] ??= this.activeGauge(method);
      active.inc();
    }
    let span: SpanProtocol | undefined;
    const tracer = this.tracer;
    if (tracer !== undefined) {
      const name = methodName(method);
      const attributes: Record<string, unknown> = {
        [A.requestMethod]: name,
        [A.urlPath]: path,
        [A.urlScheme]: access.scheme(req),
      };
      if (name !== rawMethod && rawMethod !== undefined)
        attributes[A.requestMethodOriginal] = rawMethod;
      const host = hostName(access.header(req, 'host'));
      if (host !== undefined) attributes[A.serverAddress] = host;
      const agent = access.header(req, 'user-agent');
      if (agent !== undefined) attributes[A.userAgent] = agent;
      for (const header of this.requestHeaders) {
        const value = access.header(req, header);
        if (value !== undefined) attributes[`http.request.header.${header}`] = value;
      }
      span = tracer.startSpan(name === '_OTHER' ? 'HTTP' : name, {
        kind: SpanKind.Server,
        parent: tracer.extractContext(access.carrier(req)) ?? null,
        attributes,
      });
    }
    const record = new RequestRecord(performance.now(), method, span, active);
    if (this.requestSize !== undefined) {
      const length = access.header(req, 'content-length');
      if (length !== undefined) record.requestBodySize = Number(length);
    }
    return record;
  }

  /** Run `fn` with the request's span active, so spans started inside are its children. */
  run<T>(record: RequestRecord | undefined, fn: () => T): T {
    const span = record?.span;
    if (span === undefined || this.contextTracer === undefined) return fn();
    return this.contextTracer.withSpan(span, fn);
  }

  /** The route template matched for the request (the `http.route` label). */
  setRoute(record: RequestRecord | undefined, route: string | undefined): void {
    if (record !== undefined && route !== undefined && route !== '') record.route = route;
  }

  /** Remember an error the handler threw (recorded on the span when the request ends). */
  setError(record: RequestRecord | undefined, error: unknown): void {
    if (record !== undefined && record.error === undefined) record.error = error ?? 'error';
  }

  /**
   * End a request: `statusCode` as sent (ignored when `aborted` and nothing was sent), the
   * response body size if known, and the response for the header allow-list.
   */
  end<Res>(
    record: RequestRecord | undefined,
    statusCode: number,
    aborted: boolean,
    headersSent: boolean,
    responseBodySize?: number,
    res?: Res,
    readHeader?: ResponseHeaderReader<Res>,
  ): void {
    if (record === undefined || record.ended) return;
    record.ended = true;
    const seconds = (performance.now() - record.startMs) / 1000;
    const status = aborted && !headersSent ? ABORTED_STATUS : statusCode;
    try {
      record.active?.dec();
      if (this.series !== undefined) {
        this.series.get(record.route, record.methodIndex, status).observe(seconds);
        const route = record.route;
        if (
          this.requestSize !== undefined &&
          record.requestBodySize !== undefined &&
          Number.isFinite(record.requestBodySize)
        ) {
          this.requestSize.observe(record.requestBodySize, this.labels(record, route, status));
        }
        if (
          this.responseSize !== undefined &&
          responseBodySize !== undefined &&
          Number.isFinite(responseBodySize)
        ) {
          this.responseSize.observe(responseBodySize, this.labels(record, route, status));
        }
      }
    } catch (error) {
      this.fault('RECORD_FAILED', 'recording request metrics failed', error);
    }
    const span = record.span;
    if (span === undefined) return;
    if (record.route !== undefined) {
      span.setAttribute(A.route, record.route);
      span.updateName(`${span.name} ${record.route}`);
    }
    if (!aborted || headersSent) span.setAttribute(A.responseStatusCode, statusCode);
    if (record.requestBodySize !== undefined)
      span.setAttribute(A.requestBodySize, record.requestBodySize);
    if (responseBodySize !== undefined) span.setAttribute(A.responseBodySize, responseBodySize);
    if (res !== undefined && readHeader !== undefined) {
      for (const header of this.responseHeaders) {
        const value = readHeader(res, header);
        if (value !== undefined) span.setAttribute(`http.response.header.${header}`, value);
      }
    }
    const error = record.error;
    if (error !== undefined) span.recordException(error);
    if (aborted) {
      span.setAttribute(A.errorType, 'aborted');
      span.setStatus(SpanStatus.Error, 'client aborted the request');
    } else if (error !== undefined || statusCode >= 500) {
      // A handler's error marks the span even when an error handler answered it with a 4xx.
      span.setAttribute(A.errorType, errorType(error, statusCode));
      span.setStatus(SpanStatus.Error, error instanceof Error ? error.message : undefined);
    }
    span.end();
  }

  private labels(
    record: RequestRecord,
    route: string | undefined,
    status: number,
  ): Record<string, string> {
    return {
      [HTTP_LABEL_NAMES.method]: methodName(record.methodIndex),
      [HTTP_LABEL_NAMES.route]: route ?? '_UNMATCHED',
      [HTTP_LABEL_NAMES.status]: String(status),
    };
  }

  private fault(code: string, message: string, error: unknown): void {
    reportFault(
      { code, component: 'middleware.httpInstrumentation', message, error },
      this.onError,
    );
  }
}

// The error's class name when the handler threw one, else the status code (the conventions' rule).
function errorType(error: unknown, statusCode: number): string {
  if (error instanceof Error && error.constructor.name !== '') return error.constructor.name;
  return String(statusCode);
}

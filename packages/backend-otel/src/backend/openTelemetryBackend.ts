import {
  MonitorConfigError,
  type Labels,
  type MetricsBackendProtocol,
  type MetricType,
  type MonitorFaultHandler,
  type OpenTelemetryConfig,
  type SpanContextData,
} from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import {
  ROOT_CONTEXT,
  context as otelContext,
  metrics as otelMetrics,
  propagation as otelPropagation,
  trace as otelTrace,
} from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import {
  defaultResource,
  envDetector,
  hostDetector,
  processDetector,
  resourceFromAttributes,
  serviceInstanceIdDetector,
} from '@opentelemetry/resources';
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { DEFAULT_SERVICE_NAME } from '../config/detectResource.js';
import type { OtlpProtocol } from '../config/resolveOtlpOptions.js';
import { registerOtlpExporters, type HandlerSink } from '../handlers/registerOtlpExporters.js';
import { OtlpSdkMetricExporter } from '../sdk/otlpSdkMetricExporter.js';
import { OtlpSdkSpanExporter } from '../sdk/otlpSdkSpanExporter.js';
import type { RetryOptions } from '../transport/retryingTransport.js';
import { OtelInstruments } from './otelInstruments.js';
import { OtelSpan } from './otelSpan.js';

/** Options of {@link OpenTelemetryBackend} (the reference's constructor parameters). */
export interface OpenTelemetryBackendOptions {
  /** `service.name`. Default `OTEL_SERVICE_NAME`, else `lexigram-app`. */
  serviceName?: string;
  /** `service.version`, when known. */
  serviceVersion?: string;
  /** OTLP base URL (`http://collector:4318`); overrides `config.endpoint`. */
  endpoint?: string;
  /** Core's OpenTelemetry section (endpoint, headers, timeoutMs, compression, batchSize, exportIntervalMs) plus `protocol`. */
  config?: Partial<OpenTelemetryConfig> & { protocol?: OtlpProtocol };
  /** A tracing exporter registry to register the `otlp` handler into. */
  tracingExporterRegistry?: HandlerSink;
  /** A metrics exporter registry to register the `otlp` handler into. */
  metricsExporterRegistry?: HandlerSink;
  /** More resource attributes (under detected ones such as `OTEL_RESOURCE_ATTRIBUTES`). */
  resourceAttributes?: Readonly<Record<string, string | number | boolean>>;
  /** Longest `shutdown()` takes, flushing included. Default 5000. */
  shutdownTimeoutMs?: number;
  /** Retry settings of both exporters. */
  retry?: RetryOptions;
  /** Environment for `OTEL_*` variables. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Receives export and recording faults. Default: core's fault channel. */
  onError?: MonitorFaultHandler;
}

const SCOPE = '@lexigram/monitor-backend-otel';

/**
 * The OpenTelemetry monitoring backend: OpenTelemetry's `NodeSDK` with resource detection
 * (`service.name`, `service.version`, `service.instance.id`, host, process and
 * `OTEL_RESOURCE_ATTRIBUTES`), exporting spans and metrics over OTLP/HTTP through this package's
 * pipeline. `recordMetric` goes through OpenTelemetry instruments; `createSpan` starts an
 * OpenTelemetry span behind core's span contract. For the hot path of `monitor-metrics` and
 * `monitor-tracing`, use {@link OtlpMetricsExporter} and {@link OtlpSpanExporter} instead.
 *
 * @example
 * ```ts
 * const backend = new OpenTelemetryBackend({ serviceName: 'checkout', endpoint: 'http://collector:4318' });
 * await backend.initialize();
 * backend.recordMetric('orders', 1, 'counter', { region: 'eu' });
 * process.on('SIGTERM', () => void backend.shutdown());
 * ```
 */
export class OpenTelemetryBackend implements MetricsBackendProtocol {
  private readonly options: OpenTelemetryBackendOptions;
  private sdk: NodeSDK | undefined;
  private spanExporter: OtlpSdkSpanExporter | undefined;
  private metricExporter: OtlpSdkMetricExporter | undefined;
  private reader: PeriodicExportingMetricReader | undefined;
  private instruments: OtelInstruments | undefined;
  private state: 'new' | 'running' | 'stopped' = 'new';
  private warnedEarly = false;

  constructor(options: OpenTelemetryBackendOptions = {}) {
    this.options = options;
    const timeout = options.shutdownTimeoutMs;
    if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) {
      throw new MonitorConfigError([
        { path: 'shutdownTimeoutMs', message: 'must be a positive number of milliseconds' },
      ]);
    }
    registerOtlpExporters({
      tracing: options.tracingExporterRegistry,
      metrics: options.metricsExporterRegistry,
    });
  }

  /** Start the SDK: register the global tracer and meter providers and begin exporting. */
  async initialize(): Promise<void> {
    if (this.state !== 'new') return;
    const { config = {}, env, onError, retry } = this.options;
    const exporterOptions = {
      config: { ...config, ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}) },
      ...(env ? { env } : {}),
      ...(onError ? { onError } : {}),
      ...(retry ? { retry } : {}),
    };
    this.spanExporter = new OtlpSdkSpanExporter(exporterOptions);
    this.metricExporter = new OtlpSdkMetricExporter(exporterOptions);
    const batchSize = config.batchSize ?? 512;
    this.reader = new PeriodicExportingMetricReader({
      exporter: this.metricExporter,
      exportIntervalMillis: config.exportIntervalMs ?? 60_000,
      exportTimeoutMillis: Math.min(
        this.metricExporter.options.timeoutMs,
        config.exportIntervalMs ?? 60_000,
      ),
    });
    const own = {
      'service.name': DEFAULT_SERVICE_NAME,
      ...(this.options.serviceVersion ? { 'service.version': this.options.serviceVersion } : {}),
      ...this.options.resourceAttributes,
    };
    this.sdk = new NodeSDK({
      resource: defaultResource().merge(resourceFromAttributes(own)),
      resourceDetectors: [envDetector, processDetector, hostDetector, serviceInstanceIdDetector],
      ...(this.options.serviceName ? { serviceName: this.options.serviceName } : {}),
      spanProcessors: [
        new BatchSpanProcessor(this.spanExporter, {
          maxExportBatchSize: batchSize,
          maxQueueSize: Math.max(2048, batchSize * 4),
          exportTimeoutMillis: this.spanExporter.options.timeoutMs,
        }),
      ],
      metricReaders: [this.reader],
      logRecordProcessors: [],
      instrumentations: [],
    });
    this.sdk.start();
    this.instruments = new OtelInstruments(otelMetrics.getMeter(SCOPE));
    this.state = 'running';
  }

  /**
   * Flush and stop within `shutdownTimeoutMs` (default 5 s), even against a collector that
   * never answers: what is still in flight then is aborted and reported. Unregisters the global
   * providers this backend registered.
   */
  async shutdown(): Promise<void> {
    if (this.state !== 'running') {
      this.state = 'stopped';
      return;
    }
    this.state = 'stopped';
    const deadline = this.options.shutdownTimeoutMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), deadline);
      timer.unref();
    });
    const stopped = this.sdk!.shutdown().then(
      () => 'done' as const,
      (error: unknown) => {
        reportFault(
          {
            code: 'OTEL_SHUTDOWN_FAILED',
            component: 'backend-otel.openTelemetryBackend',
            message: 'OpenTelemetry SDK failed to shut down cleanly',
            error,
          },
          this.options.onError,
        );
        return 'done' as const;
      },
    );
    const outcome = await Promise.race([stopped, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      reportFault(
        {
          code: 'OTEL_SHUTDOWN_TIMEOUT',
          component: 'backend-otel.openTelemetryBackend',
          message: `shutdown did not finish within ${deadline} ms; exports still in flight were aborted`,
          details: { shutdownTimeoutMs: deadline },
        },
        this.options.onError,
      );
    }
    await Promise.all([this.spanExporter!.abort(), this.metricExporter!.abort()]);
    otelTrace.disable();
    otelMetrics.disable();
    otelPropagation.disable();
    otelContext.disable();
    this.instruments = undefined;
  }

  /** Export what is buffered now (spans and one metric collection). */
  async forceFlush(): Promise<void> {
    if (this.state !== 'running') return;
    const provider = otelTrace.getTracerProvider() as { forceFlush?: () => Promise<void> };
    await Promise.all([provider.forceFlush?.(), this.reader?.forceFlush()]);
  }

  /**
   * Record one value through an OpenTelemetry instrument made on first use: `counter` adds,
   * `gauge` sets, `histogram` and `summary` record (OpenTelemetry has no summary instrument).
   * Never throws: a bad value, or a name reused with another type, is reported and dropped.
   */
  recordMetric(name: string, value: number, metricType: MetricType, labels?: Labels): void {
    if (this.state !== 'running' || this.instruments === undefined) {
      if (!this.warnedEarly) {
        this.warnedEarly = true;
        this.fault(
          'OTEL_NOT_INITIALIZED',
          `recordMetric("${name}") before initialize() or after shutdown(): dropped`,
        );
      }
      return;
    }
    try {
      const rejected = this.instruments.record(name, value, metricType, labels);
      if (rejected) this.fault(rejected.code, rejected.message);
    } catch (error) {
      this.fault('RECORD_FAILED', `recordMetric("${name}") failed`, error);
    }
  }

  /**
   * Start an OpenTelemetry span, child of `parentContext` when given (e.g. extracted from a
   * `traceparent`), else of the active context. Before `initialize()` it is a non-recording span.
   */
  createSpan(name: string, parentContext?: SpanContextData): OtelSpan {
    const tracer = otelTrace.getTracer(SCOPE);
    const ctx = parentContext
      ? otelTrace.setSpanContext(ROOT_CONTEXT, {
          traceId: parentContext.traceId,
          spanId: parentContext.spanId,
          traceFlags: parentContext.traceFlags,
          ...(parentContext.isRemote === undefined ? {} : { isRemote: parentContext.isRemote }),
          ...(parentContext.traceState
            ? { traceState: new TraceState(parentContext.traceState) }
            : {}),
        })
      : otelContext.active();
    return new OtelSpan(tracer.startSpan(name, {}, ctx), name);
  }

  private fault(code: string, message: string, error?: unknown): void {
    reportFault(
      {
        code,
        component: 'backend-otel.openTelemetryBackend',
        message,
        ...(error === undefined ? {} : { error }),
      },
      this.options.onError,
    );
  }
}

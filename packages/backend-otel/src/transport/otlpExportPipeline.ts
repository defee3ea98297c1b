import {
  MonitorError,
  type MonitorErrorCode,
  type MonitorFaultHandler,
} from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import {
  ExporterMetrics,
  OTLPExporterBase,
  createOtlpNetworkExportDelegate,
} from '@opentelemetry/otlp-exporter-base';
import type { ISerializer } from '@opentelemetry/otlp-transformer';
import type { ResolvedOtlpOptions } from '../config/resolveOtlpOptions.js';
import { OtlpHttpError, OtlpHttpTransport } from './httpTransport.js';
import { warnIfPlaintext } from './plaintextWarning.js';
import { RetryingTransport } from './retryingTransport.js';

/** A failed OTLP export: what `export()` rejects with once the fault is reported. */
export class OtlpExportError extends MonitorError {
  static override readonly code: MonitorErrorCode = 'OTLP_EXPORT_FAILED';
}

/** Counters of one OTLP exporter, for health pages and tests. */
export interface OtlpExportStats {
  /** Items (spans or data points) the collector accepted. */
  readonly exportedItems: number;
  /** Items lost: failed exports, concurrency cap, after shutdown, rejected in a partial success. */
  readonly droppedItems: number;
  /** Export calls that succeeded (a partial success counts as one). */
  readonly successfulExports: number;
  /** Export calls that failed after their retries. */
  readonly failedExports: number;
}

/** The partial-success part of an OTLP response, for either signal. */
interface PartialSuccessResponse {
  readonly partialSuccess?: {
    readonly rejectedSpans?: number;
    readonly rejectedDataPoints?: number;
    readonly errorMessage?: string;
  };
}

/** What the signal-specific exporter tells the pipeline. */
export interface PipelineSignal<Internal> {
  /** `traces` or `metrics`, for fault reports. */
  readonly signal: 'traces' | 'metrics';
  /** Component named in fault reports. */
  readonly component: string;
  readonly serializer: ISerializer<Internal, PartialSuccessResponse>;
  readonly itemName: 'span' | 'metric_data_point';
  readonly countItems: (request: Internal) => number;
}

/**
 * OpenTelemetry's OTLP export machinery (`OTLPExporterBase` over the network export delegate:
 * concurrency cap, serializer, response handling) on our retrying HTTP transport, with every
 * outcome counted and every loss reported through core's fault channel.
 */
export class OtlpExportPipeline<Internal> {
  private readonly base: OTLPExporterBase<Internal>;
  private readonly transport: RetryingTransport;
  private readonly signal: PipelineSignal<Internal>;
  private readonly onError: MonitorFaultHandler | undefined;
  private readonly url: string;
  private pending = new Set<Promise<void>>();
  private exported = 0;
  private dropped = 0;
  private successes = 0;
  private failures = 0;
  private closed = false;

  constructor(signal: PipelineSignal<Internal>, options: ResolvedOtlpOptions) {
    this.signal = signal;
    this.onError = options.onError;
    this.url = options.url;
    this.transport = new RetryingTransport(
      new OtlpHttpTransport({
        url: options.url,
        contentType:
          options.protocol === 'http/json' ? 'application/json' : 'application/x-protobuf',
        headers: options.headers,
        compression: options.compression,
        tls: options.tls,
      }),
      options.retry,
    );
    warnIfPlaintext(signal.component, options);
    const serializer: ISerializer<Internal, PartialSuccessResponse> = {
      serializeRequest: (request) => signal.serializer.serializeRequest(request),
      // The delegate only logs a partial success; we report it and count what was rejected.
      deserializeResponse: (data) => {
        const response = signal.serializer.deserializeResponse(data);
        this.onPartialSuccess(response);
        return response;
      },
    };
    const metrics = new ExporterMetrics<Internal>({
      componentType: `lexigram_otlp_${signal.signal}_exporter`,
      metricsHelper: { name: signal.itemName, countItems: signal.countItems },
      url: options.url,
      meterProvider: undefined,
      responseAttributesFromError: () => ({}),
    });
    const delegate = createOtlpNetworkExportDelegate(
      {
        timeoutMillis: options.timeoutMs,
        concurrencyLimit: options.maxConcurrentExports,
        compression: options.compression,
      },
      serializer,
      metrics,
      this.transport,
    );
    this.base = new OTLPExporterBase(delegate);
  }

  /** Counters so far. */
  stats(): OtlpExportStats {
    return {
      exportedItems: this.exported,
      droppedItems: this.dropped,
      successfulExports: this.successes,
      failedExports: this.failures,
    };
  }

  /**
   * Export one request. Resolves when the collector accepted it; otherwise the loss is counted
   * and reported, and the promise rejects with an {@link OtlpExportError}.
   */
  send(request: Internal): Promise<void> {
    const items = this.signal.countItems(request);
    if (items === 0) return Promise.resolve();
    if (this.closed) {
      this.drop(items, 'OTLP_EXPORT_AFTER_SHUTDOWN', 'export called after shutdown', undefined);
      return Promise.reject(new OtlpExportError(`${this.signal.signal} exporter is shut down`));
    }
    const done = new Promise<void>((resolve, reject) => {
      let settled = false;
      try {
        this.base.export(request, (r: ExportResult) => {
          settled = true;
          if (r.code === ExportResultCode.SUCCESS) {
            this.successes++;
            this.exported += items;
            resolve();
            return;
          }
          this.failures++;
          const error = r.error;
          this.drop(items, 'OTLP_EXPORT_FAILED', describeFailure(error), error);
          reject(new OtlpExportError(describeFailure(error), { cause: error }));
        });
      } catch (error) {
        // A serializer that throws on odd input must not escape into the processor.
        if (!settled) {
          this.failures++;
          this.drop(items, 'OTLP_EXPORT_FAILED', `could not encode: ${String(error)}`, error);
          reject(new OtlpExportError('could not encode the export request', { cause: error }));
        }
      }
    });
    const tracked = done.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
    return done;
  }

  /** Wait for exports in flight, at most until `deadline` (epoch ms). */
  async flush(deadline = Number.POSITIVE_INFINITY): Promise<boolean> {
    const all = Promise.all([...this.pending]).then(() => true);
    const remaining = deadline - Date.now();
    if (!Number.isFinite(remaining)) return all;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), Math.max(0, remaining));
      timer.unref();
    });
    const done = await Promise.race([all, timeout]);
    clearTimeout(timer);
    return done;
  }

  /**
   * Let exports in flight finish until `timeoutMs`, then abort what still runs (a hung
   * collector) so the caller gets control back by its deadline.
   */
  async shutdown(timeoutMs: number): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const finished = await this.flush(Date.now() + timeoutMs);
    this.transport.shutdown();
    if (!finished) await this.flush(Date.now() + 50);
  }

  private onPartialSuccess(response: PartialSuccessResponse): void {
    const partial = response?.partialSuccess;
    if (!partial) return;
    const rejected = Number(partial.rejectedSpans ?? partial.rejectedDataPoints ?? 0);
    if (rejected === 0 && !partial.errorMessage) return;
    // The accepted part counts as exported, the rejected part as dropped (not retried: the
    // specification says a partial success must not be retried).
    this.exported -= rejected;
    this.dropped += rejected;
    reportFault(
      {
        code: 'OTLP_PARTIAL_SUCCESS',
        component: this.signal.component,
        message: `collector rejected ${rejected} ${this.signal.itemName}s: ${partial.errorMessage ?? 'no message'}`,
        details: { rejected, endpoint: this.url, errorMessage: partial.errorMessage ?? '' },
      },
      this.onError,
    );
  }

  private drop(items: number, code: string, message: string, error: unknown): void {
    this.dropped += items;
    reportFault(
      {
        code,
        component: this.signal.component,
        message: `dropped ${items} ${this.signal.itemName}s: ${message}`,
        error,
        details: {
          dropped: items,
          totalDropped: this.dropped,
          endpoint: this.url,
          ...(error instanceof OtlpHttpError && error.statusCode !== undefined
            ? { statusCode: error.statusCode }
            : {}),
        },
      },
      this.onError,
    );
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof OtlpHttpError) {
    return error.body ? `${error.message}: ${error.body}` : error.message;
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

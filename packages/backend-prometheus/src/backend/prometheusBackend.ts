import type { Server } from 'node:http';
import {
  NoOpSpan,
  PrometheusConfigSchema,
  loadConfig,
  type Labels,
  type MetricType,
  type MetricsBackendProtocol,
  type MetricsExpositionProtocol,
  type MonitorFaultHandler,
  type PrometheusConfig,
  type SpanProtocol,
  type TracerProtocol,
  getObservability,
} from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import { Registry, collectDefaultMetrics, type OpenMetricsContentType } from 'prom-client';
import { MetricNameClashError } from '../errors/metricNameClashError.js';
import { metricsRequestListener } from '../exposition/metricsRequestListener.js';
import {
  PrometheusExposition,
  type MetricFamilySource,
} from '../exposition/prometheusExposition.js';
import { exposedFamilyName } from '../exposition/renderFamily.js';
import { PushgatewayClient } from '../push/pushgatewayClient.js';
import { MetricStore } from '../store/metricStore.js';
import { closeMetricsServer, startMetricsServer } from './metricsServer.js';
import { PromClientRecorder } from './promClientRecorder.js';
import { PromClientSource } from './promClientSource.js';
import type { PrometheusBackendOptions } from './prometheusBackendOptions.js';

const COMPONENT = 'backend-prometheus.backend';

/**
 * The Prometheus backend (core's `MetricsBackendProtocol`): serves one `/metrics` endpoint with
 * what `recordMetric` recorded (through prom-client), every collector added as a source and,
 * optionally, prom-client's Node.js default metrics; in text 0.0.4 or OpenMetrics 1.0 by
 * `Accept`. Optionally pushes to a Pushgateway. When the port is taken it warns and continues.
 *
 * @example
 * ```ts
 * const backend = new PrometheusBackend({ port: 9464, sources: [collector] });
 * await backend.initialize(); // serves http://0.0.0.0:9464/metrics
 * ```
 */
export class PrometheusBackend implements MetricsBackendProtocol, MetricsExpositionProtocol {
  /** The prom-client registry `recordMetric` writes to. */
  readonly registry: Registry;
  /** The renderer serving every source; hand it to middleware serving `/metrics` elsewhere. */
  readonly exposition: PrometheusExposition;
  /** The settings in effect (options over config over defaults). */
  readonly settings: Readonly<PrometheusConfig>;
  private readonly options: PrometheusBackendOptions;
  private readonly recorder: PromClientRecorder;
  private readonly registrySource: PromClientSource;
  private readonly sources: MetricFamilySource[] = [];
  private readonly pusher: PushgatewayClient | undefined;
  private readonly onError: MonitorFaultHandler | undefined;
  /** The database store of snapshots, when `storeInDb` is on (started by `initialize()`). */
  readonly store: MetricStore | undefined;
  private server: Server | undefined;
  private boundUrl: string | undefined;
  private pushTimer: NodeJS.Timeout | undefined;
  private pushing: Promise<boolean> | undefined;
  private state: 'new' | 'started' | 'stopped' = 'new';

  /** `new PrometheusBackend(9464)` (the reference's form) or `new PrometheusBackend({ ... })`. */
  constructor(options: PrometheusBackendOptions | number = {}) {
    const opts: PrometheusBackendOptions =
      typeof options === 'number' ? { port: options } : options;
    this.options = opts;
    const config = loadConfig(opts.config ?? {}, { env: opts.env });
    const base = config.prometheus ?? PrometheusConfigSchema.parse({});
    this.settings = Object.freeze({
      ...base,
      port: opts.port ?? base.port,
      path: opts.path ?? base.path,
      enableDefaultMetrics: opts.enableDefaultMetrics ?? base.enableDefaultMetrics,
      pushgatewayUrl: opts.pushgatewayUrl ?? base.pushgatewayUrl,
      pushIntervalMs: opts.pushIntervalMs ?? base.pushIntervalMs,
      storeInDb: opts.storeInDb ?? base.storeInDb,
    });
    this.onError = opts.onError;
    this.registry = opts.registry ?? new Registry();
    if (opts.exemplars && !opts.registry) {
      // prom-client keeps exemplars only on metrics of an OpenMetrics registry.
      (this.registry as unknown as Registry<OpenMetricsContentType>).setContentType(
        Registry.OPENMETRICS_CONTENT_TYPE,
      );
    }
    this.recorder = new PromClientRecorder(this.registry, {
      buckets: config.metrics.histogramBuckets,
      onError: this.onError,
      exemplarLabels: opts.exemplars ? traceExemplar(opts.tracer) : undefined,
    });
    this.registrySource = new PromClientSource(this.registry);
    this.exposition = new PrometheusExposition({
      sources: [this.registrySource],
      exemplars: opts.exemplars,
      onError: this.onError,
    });
    for (const source of opts.sources ?? []) this.addSource(source);
    this.store = this.settings.storeInDb
      ? new MetricStore({
          source: { collect: () => this.exposition.collectAll() },
          table: this.settings.metricsTable,
          databaseUrl: this.settings.databaseUrl,
          dbFile: this.settings.dbFile,
          intervalMs: opts.storeIntervalMs ?? config.metrics.collectionIntervalMs,
          retentionMs: this.settings.retentionMs,
          maxBufferedRows: this.settings.maxBufferedRows,
          onError: this.onError,
        })
      : undefined;
    const push = opts.push ?? {};
    this.pusher = this.settings.pushgatewayUrl
      ? new PushgatewayClient({
          url: this.settings.pushgatewayUrl,
          job: push.job,
          groupingLabels: push.groupingLabels,
          timeoutMs: push.timeoutMs,
          retries: push.retries,
          backoffMs: push.backoffMs,
          onError: this.onError,
        })
      : undefined;
  }

  /** The URL the endpoint is bound to, once `initialize()` started it (undefined otherwise). */
  get url(): string | undefined {
    return this.boundUrl;
  }

  /** Serve `source`'s metrics (a `MetricsCollector`, anything with `collect()`) too. */
  addSource(source: MetricFamilySource): this {
    this.sources.push(source);
    this.exposition.addSource(source);
    return this;
  }

  /**
   * Turn on default metrics (checking for name clashes), start the HTTP server and periodic
   * pushes. A taken port is a warning through the fault channel, not a failure.
   *
   * @throws MetricNameClashError when a source's metric has the name of a default metric.
   * @throws BackendNotAvailableError when `storeInDb` is on and its driver package is missing.
   */
  async initialize(): Promise<void> {
    if (this.state !== 'new') return;
    this.state = 'started';
    if (this.settings.enableDefaultMetrics) await this.enableDefaultMetrics();
    if (this.store) {
      try {
        await this.store.start();
      } catch (error) {
        this.state = 'stopped';
        throw error;
      }
    }
    if (this.options.serve !== false) {
      const path = this.settings.path;
      const result = await startMetricsServer(
        metricsRequestListener(this.exposition, path),
        this.settings.port,
        this.options.host,
        path,
      );
      if ('error' in result) {
        reportFault(
          {
            code: result.error.code === 'EADDRINUSE' ? 'PORT_IN_USE' : 'SERVER_START_FAILED',
            component: COMPONENT,
            message: `The metrics server could not listen on port ${this.settings.port} (${result.error.message}); continuing without it. Pick another port or set port: 0.`,
            error: result.error,
            details: { port: this.settings.port },
          },
          this.onError,
        );
      } else {
        this.server = result.server;
        this.boundUrl = result.url;
      }
    }
    const interval = this.settings.pushIntervalMs;
    if (this.pusher && interval > 0 && this.options.pushIntervalMs !== 0) {
      this.pushTimer = setInterval(() => void this.pushMetrics(), interval);
      this.pushTimer.unref();
    }
  }

  private async enableDefaultMetrics(): Promise<void> {
    const before = new Set(this.registrySource.names());
    collectDefaultMetrics({ register: this.registry });
    const defaults = new Set(
      (await this.registrySource.collect())
        .filter((f) => !before.has(f.name))
        .map(exposedFamilyName),
    );
    const clashes = new Set<string>();
    for (const source of this.sources) {
      for (const family of await source.collect()) {
        const name = exposedFamilyName(family);
        if (defaults.has(name)) clashes.add(name);
      }
    }
    if (clashes.size > 0) {
      this.state = 'stopped';
      throw new MetricNameClashError([...clashes].sort());
    }
  }

  /** Record one value through prom-client; the label schema is locked on first use. */
  recordMetric(name: string, value: number, metricType: MetricType, labels?: Labels): void {
    this.recorder.record(name, value, metricType, labels);
  }

  /** A no-op span: Prometheus does not trace. */
  createSpan(name: string): SpanProtocol {
    return new NoOpSpan(name);
  }

  /** See `MetricsExpositionProtocol.contentType`. */
  contentType(accept?: string): string {
    return this.exposition.contentType(accept);
  }

  /** See `MetricsExpositionProtocol.render`. */
  render(accept?: string): Promise<string> {
    return this.exposition.render(accept);
  }

  /**
   * Push the whole exposition to the Pushgateway now (for batch jobs). Resolves false (and
   * reports the fault) when it failed or no Pushgateway is configured; never rejects.
   */
  pushMetrics(): Promise<boolean> {
    const pusher = this.pusher;
    if (!pusher) return Promise.resolve(false);
    if (this.pushing) return this.pushing;
    const method = this.options.push?.method ?? 'PUT';
    this.pushing = this.exposition
      .render()
      .then((body) => pusher.push(body, method))
      .finally(() => {
        this.pushing = undefined;
      });
    return this.pushing;
  }

  /**
   * Stop periodic pushes, push one last time (and delete the group when asked), close the
   * server; everything is bounded by `shutdownTimeoutMs`.
   */
  async shutdown(): Promise<void> {
    if (this.state === 'stopped') return;
    const wasStarted = this.state === 'started';
    this.state = 'stopped';
    if (this.pushTimer) clearInterval(this.pushTimer);
    this.pushTimer = undefined;
    const deadline = Date.now() + (this.options.shutdownTimeoutMs ?? 5000);
    if (this.pusher && wasStarted) {
      const pusher = this.pusher;
      const finalPush = async (): Promise<void> => {
        await this.pushing;
        await this.pushMetrics();
        if (this.options.push?.deleteOnShutdown) await pusher.delete();
      };
      await withDeadline(finalPush(), deadline);
    }
    if (this.store && wasStarted) await withDeadline(this.store.stop(), deadline);
    if (this.server) await closeMetricsServer(this.server, deadline);
    this.server = undefined;
    this.boundUrl = undefined;
  }
}

const INVALID_TRACE_ID = '00000000000000000000000000000000';

/** Exemplar labels from the current span when it is sampled. */
function traceExemplar(tracer: TracerProtocol | undefined): () => Labels | undefined {
  return () => {
    const span = (tracer ?? getObservability().tracer).getCurrentSpan();
    if (!span) return undefined;
    const ctx = span.spanContext();
    if ((ctx.traceFlags & 1) === 0 || ctx.traceId === INVALID_TRACE_ID) return undefined;
    return { trace_id: ctx.traceId, span_id: ctx.spanId };
  };
}

async function withDeadline(work: Promise<unknown>, deadline: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
  });
  await Promise.race([work.then(() => undefined), late]);
  clearTimeout(timer);
}

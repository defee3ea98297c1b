import { callAndSettle } from '../internal/promises.js';
import type { MetricProtocol } from '../contracts/metric.js';
import type { MetricsCollectorProtocol } from '../contracts/metricsCollector.js';
import type { SpanProtocol } from '../contracts/span.js';
import type { StartSpanOptions, TracerProtocol } from '../contracts/tracer.js';
import type { Labels } from '../model/labels.js';
import { NOOP_METRICS_COLLECTOR } from '../noop/noOpMetricsCollector.js';
import { NOOP_TRACER } from '../noop/noOpTracer.js';
import { MetricProxy } from './metricProxy.js';

/** Options of {@link ObservabilityService}. */
export interface ObservabilityServiceOptions {
  /** Tracer; a {@link NoOpTracer} when omitted. */
  tracer?: TracerProtocol;
  /** Metrics collector; a {@link NoOpMetricsCollector} when omitted. */
  meter?: MetricsCollectorProtocol;
}

/**
 * One facade for traces and metrics. Application code instruments through it without knowing
 * whether a real tracer or collector is configured: on no-ops every call is cheap and harmless.
 *
 * @example
 * ```ts
 * const obs = new ObservabilityService({ tracer, meter: collector });
 * await obs.span('checkout', { cart: id }, async (span) => { ... });
 * obs.counter('orders_total').increment();
 * const total = await obs.timer('checkout_duration_ms', () => checkout());
 * ```
 */
export class ObservabilityService {
  /** The tracer in use. */
  readonly tracer: TracerProtocol;
  /** The metrics collector in use. */
  readonly meter: MetricsCollectorProtocol;
  private readonly proxies = new Map<string, MetricProxy>();

  constructor(options: ObservabilityServiceOptions = {}) {
    this.tracer = options.tracer ?? NOOP_TRACER;
    this.meter = options.meter ?? NOOP_METRICS_COLLECTOR;
  }

  /** True when a real tracer (not the no-op) is configured. */
  get tracingEnabled(): boolean {
    return this.tracer !== NOOP_TRACER;
  }

  /** True when a real collector (not the no-op) is configured. */
  get metricsEnabled(): boolean {
    return this.meter !== NOOP_METRICS_COLLECTOR;
  }

  /** Register an existing metric instrument with the collector. */
  registerMetric(metric: MetricProtocol): void {
    this.meter.registerMetric(metric);
  }

  /**
   * Run `fn` inside a new active span that ends when `fn` returns or settles; a throw or rejection
   * is recorded on the span with status `error` and rethrown.
   */
  span<T>(name: string, fn: (span: SpanProtocol) => T): T;
  span<T>(
    name: string,
    attributes: Readonly<Record<string, unknown>>,
    fn: (span: SpanProtocol) => T,
  ): T;
  span<T>(
    name: string,
    attributesOrFn: Readonly<Record<string, unknown>> | ((span: SpanProtocol) => T),
    maybeFn?: (span: SpanProtocol) => T,
  ): T {
    if (typeof attributesOrFn === 'function')
      return this.tracer.startActiveSpan(name, attributesOrFn);
    const options: StartSpanOptions = { attributes: attributesOrFn };
    return this.tracer.startActiveSpan(name, options, maybeFn!);
  }

  /** Get or create a counter, as a {@link MetricProxy} with `increment()`. */
  counter(name: string): MetricProxy {
    return this.proxy(name, 'counter');
  }

  /** Get or create a histogram, as a {@link MetricProxy} with `record()`. */
  histogram(name: string): MetricProxy {
    return this.proxy(name, 'histogram');
  }

  /**
   * Run `fn` and record its duration in milliseconds on the histogram `metricName`, also when it
   * throws or rejects. Returns what `fn` returns.
   */
  timer<T>(metricName: string, fn: () => T, labels?: Labels): T {
    const histogram = this.histogram(metricName);
    const start = performance.now();
    return callAndSettle(fn, () => histogram.record(performance.now() - start, labels), {
      component: 'core.observabilityService',
    });
  }

  /** Start timing now; the returned function records the elapsed milliseconds and returns them. */
  startTimer(metricName: string, labels?: Labels): () => number {
    const histogram = this.histogram(metricName);
    const start = performance.now();
    return () => {
      const elapsedMs = performance.now() - start;
      histogram.record(elapsedMs, labels);
      return elapsedMs;
    };
  }

  private proxy(name: string, kind: 'counter' | 'histogram'): MetricProxy {
    const key = `${kind}\u0000${name}`;
    let proxy = this.proxies.get(key);
    if (!proxy) {
      proxy = new MetricProxy(this.meter, name, kind);
      this.proxies.set(key, proxy);
    }
    return proxy;
  }
}

import { reportFault } from '../diagnostics/diagnostics.js';
import { callAndSettle } from '../internal/promises.js';
import type { HistogramProtocol } from '../contracts/metric.js';
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
 * const total = await obs.timer('checkout.duration', () => checkout()); // seconds, unit `s`
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
   * Run `fn` and record its duration in **seconds** on the histogram `metricName` (unit `s`, as
   * the default buckets, Prometheus and OpenTelemetry expect), also when it throws or rejects.
   * Returns what `fn` returns, and rethrows what it throws: a recording fault (a bad name,
   * labels that break the metric's schema) is reported through the fault channel, never in
   * place of the function's own outcome.
   */
  timer<T>(metricName: string, fn: () => T, labels?: Labels): T {
    const histogram = this.timerHistogram(metricName);
    const start = performance.now();
    if (histogram === undefined) return fn();
    return callAndSettle(fn, () => histogram.observe((performance.now() - start) / 1000, labels), {
      component: TIMER_COMPONENT,
    });
  }

  /**
   * Start timing now; the returned function records the elapsed **seconds** on the histogram
   * `metricName` (unit `s`) and returns them. Never throws: a recording fault is reported
   * through the fault channel.
   */
  startTimer(metricName: string, labels?: Labels): () => number {
    const histogram = this.timerHistogram(metricName);
    const start = performance.now();
    return () => {
      const seconds = (performance.now() - start) / 1000;
      try {
        histogram?.observe(seconds, labels);
      } catch (error) {
        timerFault(metricName, error);
      }
      return seconds;
    };
  }

  /** The histogram `timer` records into (unit `s`), or undefined when the meter refuses it. */
  private timerHistogram(metricName: string): HistogramProtocol | undefined {
    try {
      return this.meter.createHistogram(metricName, '', { unit: 's' });
    } catch (error) {
      timerFault(metricName, error);
      return undefined;
    }
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

const TIMER_COMPONENT = 'core.observabilityService';

function timerFault(metricName: string, error: unknown): void {
  reportFault({
    code: 'METRIC_RECORD_FAILED',
    component: TIMER_COMPONENT,
    message: `Recording the duration of "${metricName}" failed; the timed call itself is unaffected. Check the metric name and labels.`,
    error,
    details: { metric: metricName },
  });
}

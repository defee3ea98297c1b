import type { CounterProtocol, HistogramProtocol } from '../contracts/metric.js';
import type { MetricsCollectorProtocol } from '../contracts/metricsCollector.js';
import type { Labels } from '../model/labels.js';

/**
 * A stateful handle on one metric of a name-based {@link MetricsCollectorProtocol}: what
 * `ObservabilityService.counter()` and `.histogram()` return. It resolves the instrument once, so
 * each call goes straight to it.
 */
export class MetricProxy {
  /** Metric name. */
  readonly name: string;
  private readonly counter: CounterProtocol | undefined;
  private readonly histogram: HistogramProtocol | undefined;
  private total = 0;

  /** @internal Use `ObservabilityService.counter()` / `.histogram()`. */
  constructor(collector: MetricsCollectorProtocol, name: string, kind: 'counter' | 'histogram') {
    this.name = name;
    if (kind === 'counter') this.counter = collector.createCounter(name);
    else this.histogram = collector.createHistogram(name);
  }

  /** Increment the counter by `value` (default 1). */
  increment(value = 1, labels?: Labels): void {
    this.total += value;
    if (this.counter) this.counter.inc(value, labels);
    else this.histogram!.observe(value, labels);
  }

  /** Record a value: an observation on a histogram, an increment on a counter. */
  record(value: number, labels?: Labels): void {
    this.total += value;
    if (this.histogram) this.histogram.observe(value, labels);
    else this.counter!.inc(value, labels);
  }

  /** Sum of what was recorded through this proxy (tracked locally). */
  get value(): number {
    return this.total;
  }
}

import type {
  CollectableMetric,
  HistogramBucket,
  HistogramFamily,
  HistogramProtocol,
  HistogramSeries as HistogramSeriesSnapshot,
} from '@lexigram/monitor-core';
import { validateBuckets } from './buckets.js';
import { HistogramSeries } from './histogramSeries.js';
import type { HistogramInstrumentOptions } from './instrumentOptions.js';
import { ObserverInstrument } from './observerInstrument.js';

/**
 * A distribution in fixed buckets, with count and sum. `record(value, labels?)` is the canonical
 * call; `observe` is its alias. NaN and ±Infinity are handled as Prometheus' clients do: +Inf
 * and NaN land in the `+Inf` bucket, -Inf in the first; the sum takes them as they are.
 *
 * @example
 * ```ts
 * const latency = new Histogram('http_request_duration_seconds', 'Latency', { buckets: [0.1, 0.5, 1] });
 * const end = latency.startTimer({ route: '/' });
 * end(); // observes the elapsed seconds
 * ```
 */
export class Histogram
  extends ObserverInstrument<HistogramSeries>
  implements HistogramProtocol, CollectableMetric
{
  /** Always `'histogram'`. */
  readonly type = 'histogram' as const;
  /** Upper bounds of the buckets, `+Inf` not included. */
  readonly buckets: readonly number[];

  constructor(name: string, description?: string, options: HistogramInstrumentOptions = {}) {
    const bounds = validateBuckets(name, options.buckets);
    super(
      name,
      description,
      options,
      ['le'],
      (labels) => new HistogramSeries(name, labels, bounds),
    );
    this.buckets = Object.freeze(Array.from(bounds));
  }

  /** Snapshot of every series, with cumulative bucket counts. */
  collect(): HistogramFamily {
    const series: HistogramSeriesSnapshot[] = [];
    const store = this.store;
    const bounds = this.buckets;
    store.forEach((cell) => {
      const counts = cell.counts;
      const buckets: HistogramBucket[] = [];
      let cumulative = 0;
      for (let i = 0; i < counts.length; i++) {
        cumulative += counts[i]!;
        buckets.push({
          upperBound: i < bounds.length ? bounds[i]! : Infinity,
          cumulativeCount: cumulative,
        });
      }
      series.push({ labels: store.exportLabels(cell), buckets, count: cumulative, sum: cell.sum });
    });
    return { name: this.name, help: this.description, unit: this.unit, type: 'histogram', series };
  }
}

import type {
  BoundObserver,
  CollectableMetric,
  HistogramBucket,
  HistogramFamily,
  HistogramProtocol,
  HistogramSeries as HistogramSeriesSnapshot,
  Labels,
} from '@lexigram/monitor-core';
import { validateBuckets } from './buckets.js';
import { HistogramSeries } from './histogramSeries.js';
import { InstrumentBase } from './instrumentBase.js';
import type { HistogramInstrumentOptions } from './instrumentOptions.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import { notANumber } from './valueErrors.js';

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
  extends InstrumentBase<HistogramSeries>
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

  /** Observe `value` on the series of `labels`: the canonical call every alias delegates to. */
  record(value: number, labels?: Labels): void {
    if (typeof value !== 'number') throw notANumber(this.name, value);
    const series = this.store.resolve(labels);
    series.add(value);
    if (recordedHook.active) emitRecorded(this.name, value, 'histogram', series.labels);
  }

  /** Same as {@link Histogram.record}. */
  observe(value: number, labels?: Labels): void {
    this.record(value, labels);
  }

  /** The series of `labels` as a bound handle. */
  labels(labels: Labels): BoundObserver {
    return this.store.resolve(labels);
  }

  /** Start a timer on the series of `labels`; the returned function observes elapsed seconds. */
  startTimer(labels?: Labels): () => number {
    return this.store.resolve(labels).startTimer();
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

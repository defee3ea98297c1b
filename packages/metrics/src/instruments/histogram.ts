import type {
  BoundObserver,
  CollectableMetric,
  HistogramBucket,
  HistogramFamily,
  HistogramProtocol,
  HistogramSeries as HistogramSeriesSnapshot,
  HistogramSeriesReader,
  Labels,
} from '@lexigram/monitor-core';
import { validateBuckets } from './buckets.js';
import { HistogramColumns } from './histogramColumns.js';
import { HistogramHandle } from './histogramHandle.js';
import type { HistogramInstrumentOptions } from './instrumentOptions.js';
import { ObserverInstrument } from './observerInstrument.js';
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
export class Histogram extends ObserverInstrument implements HistogramProtocol, CollectableMetric {
  /** Always `'histogram'`. */
  readonly type = 'histogram' as const;
  /** Upper bounds of the buckets, `+Inf` not included. */
  readonly buckets: readonly number[];
  // Bucket counts and sums of every series, by slot.
  private readonly columns: HistogramColumns;
  private upperBounds: readonly number[] | undefined;

  constructor(name: string, description?: string, options: HistogramInstrumentOptions = {}) {
    const bounds = validateBuckets(name, options.buckets);
    super(name, description, options, ['le']);
    this.buckets = Object.freeze(Array.from(bounds));
    this.columns = new HistogramColumns(bounds);
  }

  /** Observe `value` on the series of `labels`: the canonical call every alias delegates to. */
  record(value: number, labels?: Labels): void {
    if (typeof value !== 'number') throw notANumber(this.name, value);
    const slot = this.store.resolve(labels);
    this.columns.add(slot, value);
    if (recordedHook.active) {
      emitRecorded(this.name, value, 'histogram', this.store.ownLabels(labels, slot));
    }
  }

  /** The series of `labels` as a bound handle. */
  labels(labels: Labels): BoundObserver {
    const store = this.store;
    const slot = store.resolve(labels);
    return store.handle(
      slot,
      () => new HistogramHandle(this.name, this.columns, slot, store.ownLabels(labels, slot)),
    );
  }

  /** Snapshot of every series, with cumulative bucket counts. */
  collect(): HistogramFamily {
    const series: HistogramSeriesSnapshot[] = [];
    const bounds = this.buckets;
    const { counts, sums, stride } = this.columns;
    this.store.forEachSeries((slot, labels) => {
      const buckets: HistogramBucket[] = [];
      const base = slot * stride;
      let cumulative = 0;
      for (let i = 0; i < stride; i++) {
        cumulative += counts[base + i]!;
        buckets.push({
          upperBound: i < bounds.length ? bounds[i]! : Infinity,
          cumulativeCount: cumulative,
        });
      }
      series.push({ labels, buckets, count: cumulative, sum: sums[slot]! });
    });
    return { name: this.name, help: this.description, unit: this.unit, type: 'histogram', series };
  }

  /**
   * Every series read in place, without snapshot objects: the visitor gets each series' labels
   * and its per-bucket counts inside the histogram's own storage. For readers that go over many
   * series often (the dashboard); `collect()` is the snapshot for everyone else.
   */
  reader(): HistogramSeriesReader {
    const upperBounds = (this.upperBounds ??= Object.freeze([...this.buckets, Infinity]));
    return {
      upperBounds,
      forEachSeries: (visit) => {
        const { counts, sums, stride } = this.columns;
        this.store.forEachSeries((slot, labels) => {
          const base = slot * stride;
          let count = 0;
          for (let i = 0; i < stride; i++) count += counts[base + i]!;
          visit(labels, counts, base, count, sums[slot]!);
        });
      },
    };
  }

  /** @internal */
  protected claimSlot(slot: number): void {
    if (this.columns.claim(slot)) this.store.refreshHandles();
  }

  /** @internal */
  protected resetSlots(): void {
    this.columns.reset();
  }
}

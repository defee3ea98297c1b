import type {
  BoundCounter,
  CollectableMetric,
  CounterFamily,
  CounterProtocol,
  Labels,
} from '@lexigram/monitor-core';
import { CounterSeries } from './counterSeries.js';
import { InstrumentBase } from './instrumentBase.js';
import type { CounterOptions } from './instrumentOptions.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import { invalidIncrement } from './valueErrors.js';

/**
 * A monotonically increasing counter. `record(value, labels?)` is the canonical call; `inc` is
 * its alias. A negative or NaN increment is an InvalidMetricError; `+Infinity` is kept, as
 * Prometheus does.
 *
 * @example
 * ```ts
 * const requests = new Counter('http_requests_total', 'Requests', { labelNames: ['method'] });
 * requests.inc(1, { method: 'GET' });
 * const get = requests.labels({ method: 'GET' }); // bound: no lookup per call
 * get.inc();
 * ```
 */
export class Counter
  extends InstrumentBase<CounterSeries>
  implements CounterProtocol, CollectableMetric
{
  /** Always `'counter'`. */
  readonly type = 'counter' as const;

  constructor(name: string, description?: string, options: CounterOptions = {}) {
    super(name, description, options, [], (labels) => new CounterSeries(name, labels));
  }

  /** Add `value` to the series of `labels`: the canonical call every alias delegates to. */
  record(value: number, labels?: Labels): void {
    if (typeof value !== 'number' || !(value >= 0)) throw invalidIncrement(this.name, value);
    const series = this.store.resolve(labels);
    series.value += value;
    if (recordedHook.active) emitRecorded(this.name, value, 'counter', series.labels);
  }

  /** Add `value` (default 1) to the series of `labels`. */
  inc(value = 1, labels?: Labels): void {
    this.record(value, labels);
  }

  /** The series of `labels` as a bound handle. */
  labels(labels: Labels): BoundCounter {
    return this.store.resolve(labels);
  }

  /** Snapshot of every series. */
  collect(): CounterFamily {
    const series: { labels: Labels; value: number }[] = [];
    const store = this.store;
    store.forEach((cell) => {
      series.push({ labels: store.exportLabels(cell), value: cell.value });
    });
    return { name: this.name, help: this.description, unit: this.unit, type: 'counter', series };
  }
}

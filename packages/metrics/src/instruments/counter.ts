import type {
  BoundCounter,
  CollectableMetric,
  CounterFamily,
  CounterProtocol,
  Labels,
} from '@lexigram/monitor-core';
import { NumberColumn } from '../series/numberColumn.js';
import type { SeriesHandle } from '../series/seriesHandle.js';
import { CounterHandle } from './counterHandle.js';
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
export class Counter extends InstrumentBase implements CounterProtocol, CollectableMetric {
  /** Always `'counter'`. */
  readonly type = 'counter' as const;
  // The value of every series, by slot.
  private readonly column = new NumberColumn();

  constructor(name: string, description?: string, options: CounterOptions = {}) {
    super(name, description, options, []);
  }

  /** Add `value` to the series of `labels`: the canonical call every alias delegates to. */
  record(value: number, labels?: Labels): void {
    if (typeof value !== 'number' || !(value >= 0)) throw invalidIncrement(this.name, value);
    const slot = this.store.resolve(labels);
    this.column.values[slot]! += value;
    if (recordedHook.active) {
      emitRecorded(this.name, value, 'counter', this.store.ownLabels(labels, slot));
    }
  }

  /** Add `value` (default 1) to the series of `labels`. */
  inc(value = 1, labels?: Labels): void {
    this.record(value, labels);
  }

  /** The series of `labels` as a bound handle. */
  labels(labels: Labels): BoundCounter {
    const store = this.store;
    const slot = store.resolve(labels);
    return store.handle(
      slot,
      () => new CounterHandle(this.name, this.column, slot, store.ownLabels(labels, slot)),
    );
  }

  /** Snapshot of every series. */
  collect(): CounterFamily {
    const series: { labels: Labels; value: number }[] = [];
    this.store.forEachHandle(flushHandle);
    const values = this.column.values;
    this.store.forEachSeries((slot, labels) => {
      series.push({ labels, value: values[slot]! });
    });
    return { name: this.name, help: this.description, unit: this.unit, type: 'counter', series };
  }

  /** @internal */
  protected claimSlot(slot: number): void {
    this.column.claim(slot);
  }

  /** @internal */
  protected resetSlots(): void {
    this.column.reset();
    this.store.forEachHandle(clearHandle);
  }
}

// A counter's handles are all CounterHandles.
function flushHandle(handle: SeriesHandle): void {
  (handle as CounterHandle).flush();
}

function clearHandle(handle: SeriesHandle): void {
  (handle as CounterHandle).clear();
}

import {
  InvalidMetricError,
  type BoundGauge,
  type CollectableMetric,
  type GaugeFamily,
  type GaugeProtocol,
  type GaugeSetter,
  type Labels,
} from '@lexigram/monitor-core';
import { NumberColumn } from '../series/numberColumn.js';
import { GaugeHandle } from './gaugeHandle.js';
import { InstrumentBase } from './instrumentBase.js';
import type { GaugeInstrumentOptions } from './instrumentOptions.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import { notANumber } from './valueErrors.js';
import { describeValue, isPromiseLike } from '@lexigram/monitor-core/internal';

type GaugeCallback = (gauge: GaugeSetter) => void | Promise<void>;

/**
 * A value that goes up and down. `record(value, labels?)` (= `set`) is the canonical call; `inc`
 * and `dec` add to the current value and record the result. NaN and ±Infinity are valid values,
 * as in Prometheus.
 *
 * With a `collect` callback the gauge is measured when collected: the callback sets its series,
 * possibly asynchronously; a collector runs it under its time budget.
 *
 * @example
 * ```ts
 * const queue = new Gauge('queue_depth', 'Jobs waiting', { collect: (g) => g.set(jobs.length) });
 * ```
 */
export class Gauge extends InstrumentBase implements GaugeProtocol, CollectableMetric {
  /** Always `'gauge'`. */
  readonly type = 'gauge' as const;
  private readonly callback: GaugeCallback | undefined;
  // The value of every series, by slot.
  private readonly column = new NumberColumn();

  constructor(name: string, description?: string, options: GaugeInstrumentOptions = {}) {
    super(name, description, options, []);
    if (options.collect !== undefined && typeof options.collect !== 'function') {
      throw new InvalidMetricError(
        `The collect option of gauge "${name}" is ${describeValue(options.collect)}: pass a function (gauge) => void | Promise<void>, or leave it out.`,
      );
    }
    this.callback = options.collect;
  }

  /** True when the gauge is measured by a callback at collect time. */
  get hasCallback(): boolean {
    return this.callback !== undefined;
  }

  /** Set the series of `labels` to `value`: the canonical call every alias delegates to. */
  record(value: number, labels?: Labels): void {
    if (typeof value !== 'number') throw notANumber(this.name, value);
    const slot = this.store.resolve(labels);
    this.column.values[slot] = value;
    if (recordedHook.active) {
      emitRecorded(this.name, value, 'gauge', this.store.ownLabels(labels, slot));
    }
  }

  /** Same as {@link Gauge.record}. */
  set(value: number, labels?: Labels): void {
    this.record(value, labels);
  }

  /** Add `value` (default 1) to the series of `labels`. */
  inc(value = 1, labels?: Labels): void {
    if (typeof value !== 'number') throw notANumber(this.name, value);
    this.add(value, labels);
  }

  /** Subtract `value` (default 1) from the series of `labels`. */
  dec(value = 1, labels?: Labels): void {
    if (typeof value !== 'number') throw notANumber(this.name, value);
    this.add(-value, labels);
  }

  /** The series of `labels` as a bound handle. */
  labels(labels: Labels): BoundGauge {
    const store = this.store;
    const slot = store.resolve(labels);
    return store.handle(
      slot,
      () => new GaugeHandle(this.name, this.column, slot, store.ownLabels(labels, slot)),
    );
  }

  /**
   * Run the callback (if any), then snapshot every series. A callback that throws makes this
   * throw; an async one makes this return a promise. Collectors catch both and time-box it.
   */
  collect(): GaugeFamily | Promise<GaugeFamily> {
    const callback = this.callback;
    if (callback === undefined) return this.snapshot();
    const result = callback(this);
    if (isPromiseLike(result)) return Promise.resolve(result).then(() => this.snapshot());
    return this.snapshot();
  }

  private snapshot(): GaugeFamily {
    const series: { labels: Labels; value: number }[] = [];
    const values = this.column.values;
    this.store.forEachSeries((slot, labels) => {
      series.push({ labels, value: values[slot]! });
    });
    return { name: this.name, help: this.description, unit: this.unit, type: 'gauge', series };
  }

  /** Add `delta` to the series of `labels`; listeners see the new value. */
  private add(delta: number, labels: Labels | undefined): void {
    const slot = this.store.resolve(labels);
    const values = this.column.values;
    const value = values[slot]! + delta;
    values[slot] = value;
    if (recordedHook.active) {
      emitRecorded(this.name, value, 'gauge', this.store.ownLabels(labels, slot));
    }
  }

  /** @internal */
  protected claimSlot(slot: number): void {
    if (this.column.claim(slot)) this.store.refreshHandles();
  }

  /** @internal */
  protected resetSlots(): void {
    this.column.reset();
  }
}

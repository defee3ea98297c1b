import type { InstrumentOptions, Labels } from '@lexigram/monitor-core';
import { buildConstLabels } from '../series/labelValues.js';
import type { SeriesCell } from '../series/seriesCell.js';
import { SeriesStore } from '../series/seriesStore.js';
import { validateMetricName, validateUnit } from '../validation/names.js';
import { faultSink } from '../logging/metricsFaults.js';
import { helpOf, maxSeriesOf, type RuntimeOptions } from './instrumentOptions.js';

/**
 * What every instrument shares: validated name, help, unit and constant labels, and the
 * {@link SeriesStore} holding its series.
 */
export abstract class InstrumentBase<C extends SeriesCell> {
  /** Metric name (as given; a collector applies its prefix before creating the instrument). */
  readonly name: string;
  /** Help text. */
  readonly description: string;
  /** Unit, e.g. `seconds`; empty when none. */
  readonly unit: string;
  /** Constant labels on every series, frozen. */
  readonly constLabels: Labels;
  /** @internal The series. */
  protected readonly store: SeriesStore<C>;

  protected constructor(
    name: string,
    description: string | undefined,
    options: InstrumentOptions & RuntimeOptions,
    reserved: readonly string[],
    create: (labels: Labels) => C,
  ) {
    validateMetricName(name);
    this.name = name;
    this.description = helpOf(name, description);
    const unit = options.unit ?? '';
    validateUnit(name, unit);
    this.unit = unit;
    this.constLabels = buildConstLabels(name, options.labels, reserved);
    this.store = new SeriesStore<C>({
      metricName: name,
      labelNames: options.labelNames,
      constLabels: this.constLabels,
      reserved,
      maxSeries: maxSeriesOf(name, options),
      create,
      onError: faultSink(options),
    });
  }

  /** Label names of every series (sorted), or undefined until the first observation fixes them. */
  get labelNames(): readonly string[] | undefined {
    return this.store.labelNames;
  }

  /** Number of series, the overflow series not included. */
  get seriesCount(): number {
    return this.store.size;
  }

  /**
   * Drop the series of `labels`; true when it existed. A bound handle to it keeps working but is
   * no longer collected: call `labels()` again for a live one.
   */
  remove(labels: Labels): boolean {
    return this.store.remove(labels);
  }

  /** Zero every series (bound handles stay valid). */
  reset(): void {
    this.store.forEach(resetCell);
  }
}

function resetCell(cell: SeriesCell): void {
  cell.reset();
}

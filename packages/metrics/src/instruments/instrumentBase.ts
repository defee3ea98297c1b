import type { InstrumentOptions, Labels } from '@lexigram/monitor-core';
import { buildConstLabels } from '../series/labelValues.js';
import { SeriesStore } from '../series/seriesStore.js';
import { validateMetricName, validateUnit } from '../validation/names.js';
import { faultSink } from '../logging/metricsFaults.js';
import { helpOf, maxSeriesOf, type RuntimeOptions } from './instrumentOptions.js';

/**
 * What every instrument shares: validated name, help, unit and constant labels, and the
 * {@link SeriesStore} mapping label sets to slots. The instrument keeps each series' state at its
 * slot, in columns of its own.
 */
export abstract class InstrumentBase {
  /** Metric name (as given; a collector applies its prefix before creating the instrument). */
  readonly name: string;
  /** Help text. */
  readonly description: string;
  /** Unit, e.g. `seconds`; empty when none. */
  readonly unit: string;
  /** Constant labels on every series, frozen. */
  readonly constLabels: Labels;
  /** @internal The series' slots. */
  protected readonly store: SeriesStore;

  protected constructor(
    name: string,
    description: string | undefined,
    options: InstrumentOptions & RuntimeOptions,
    reserved: readonly string[],
  ) {
    validateMetricName(name);
    this.name = name;
    this.description = helpOf(name, description);
    const unit = options.unit ?? '';
    validateUnit(name, unit);
    this.unit = unit;
    this.constLabels = buildConstLabels(name, options.labels, reserved);
    this.store = new SeriesStore({
      metricName: name,
      labelNames: options.labelNames,
      constLabels: this.constLabels,
      reserved,
      maxSeries: maxSeriesOf(name, options),
      // Called on first use of a series, after the subclass has set up its columns.
      claim: (slot) => this.claimSlot(slot),
      release: (slot) => this.releaseSlot(slot),
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
    this.resetSlots();
  }

  /** @internal Make `slot` hold a new, zeroed series (growing the columns when needed). */
  protected abstract claimSlot(slot: number): void;

  /** @internal Zero every slot. */
  protected abstract resetSlots(): void;

  /** @internal Drop what `slot` holds (its series was removed); columns of numbers keep it. */
  protected releaseSlot(_slot: number): void {}
}

import type {
  BoundObserver,
  CollectableMetric,
  Labels,
  SummaryFamily,
  SummaryProtocol,
  SummarySeries as SummarySeriesSnapshot,
} from '@lexigram/monitor-core';
import type { SummaryInstrumentOptions } from './instrumentOptions.js';
import { ObserverInstrument } from './observerInstrument.js';
import { emitRecorded, recordedHook } from './recordedHook.js';
import { SummarySeries } from './summarySeries.js';
import { summaryWindow, type SummaryWindow } from './summaryWindow.js';
import { notANumber } from './valueErrors.js';

/**
 * Quantiles over a sliding time window (default: p50, p90, p99 over 10 minutes in 5 slots), plus
 * count and sum. Memory per series is bounded: each slot is a sketch of at most 1024 buckets per
 * sign, accurate to 1% of the value.
 *
 * @example
 * ```ts
 * const latency = new Summary('rpc_duration_seconds', 'RPC latency', { quantiles: [0.5, 0.99] });
 * latency.observe(0.042, { method: 'get' });
 * ```
 */
export class Summary extends ObserverInstrument implements SummaryProtocol, CollectableMetric {
  /** Always `'summary'`. */
  readonly type = 'summary' as const;
  /** The validated window settings. */
  readonly window: SummaryWindow;
  // A summary series holds sketches, so it stays an object (and is its own bound handle).
  private readonly series: (SummarySeries | undefined)[] = [];

  constructor(name: string, description?: string, options: SummaryInstrumentOptions = {}) {
    const window = summaryWindow(name, options);
    super(name, description, options, ['quantile']);
    this.window = window;
  }

  /** Observe `value` on the series of `labels`: the canonical call every alias delegates to. */
  record(value: number, labels?: Labels): void {
    if (typeof value !== 'number') throw notANumber(this.name, value);
    const slot = this.store.resolve(labels);
    this.series[slot]!.add(value);
    if (recordedHook.active) {
      emitRecorded(this.name, value, 'summary', this.store.ownLabels(labels, slot));
    }
  }

  /** The series of `labels` as a bound handle. */
  labels(labels: Labels): BoundObserver {
    const slot = this.store.resolve(labels);
    const series = this.series[slot]!;
    series.labels ??= this.store.ownLabels(labels, slot);
    return series;
  }

  /** Snapshot of every series: quantiles over the window, count and sum over its life. */
  collect(): SummaryFamily {
    const series: SummarySeriesSnapshot[] = [];
    const quantiles = this.window.quantiles;
    this.store.forEachSeries((slot, labels) => {
      const cell = this.series[slot]!;
      const values = cell.quantiles();
      series.push({
        labels,
        quantiles: quantiles.map((quantile, i) => ({ quantile, value: values[i]! })),
        count: cell.count,
        sum: cell.sum,
      });
    });
    return { name: this.name, help: this.description, unit: this.unit, type: 'summary', series };
  }

  /** @internal */
  protected claimSlot(slot: number): void {
    this.series[slot] = new SummarySeries(this.name, this.window);
  }

  /** @internal */
  protected override releaseSlot(slot: number): void {
    this.series[slot] = undefined;
  }

  /** @internal */
  protected resetSlots(): void {
    for (const series of this.series) series?.reset();
  }
}

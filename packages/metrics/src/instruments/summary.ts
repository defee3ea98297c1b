import type {
  CollectableMetric,
  SummaryFamily,
  SummaryProtocol,
  SummarySeries as SummarySeriesSnapshot,
} from '@lexigram/monitor-core';
import type { SummaryInstrumentOptions } from './instrumentOptions.js';
import { ObserverInstrument } from './observerInstrument.js';
import { SummarySeries } from './summarySeries.js';
import { summaryWindow, type SummaryWindow } from './summaryWindow.js';

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
export class Summary
  extends ObserverInstrument<SummarySeries>
  implements SummaryProtocol, CollectableMetric
{
  /** Always `'summary'`. */
  readonly type = 'summary' as const;
  /** The validated window settings. */
  readonly window: SummaryWindow;

  constructor(name: string, description?: string, options: SummaryInstrumentOptions = {}) {
    const window = summaryWindow(name, options);
    super(
      name,
      description,
      options,
      ['quantile'],
      (labels) => new SummarySeries(name, labels, window),
    );
    this.window = window;
  }

  /** Snapshot of every series: quantiles over the window, count and sum over its life. */
  collect(): SummaryFamily {
    const series: SummarySeriesSnapshot[] = [];
    const store = this.store;
    const quantiles = this.window.quantiles;
    store.forEach((cell) => {
      const values = cell.quantiles();
      series.push({
        labels: store.exportLabels(cell),
        quantiles: quantiles.map((quantile, i) => ({ quantile, value: values[i]! })),
        count: cell.count,
        sum: cell.sum,
      });
    });
    return { name: this.name, help: this.description, unit: this.unit, type: 'summary', series };
  }
}

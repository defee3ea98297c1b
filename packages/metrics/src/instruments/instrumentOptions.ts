import {
  InvalidMetricError,
  type GaugeOptions,
  type HistogramOptions,
  type InstrumentOptions,
  type SummaryOptions,
} from '@lexigram/monitor-core';
import type { FaultOptions } from '../logging/metricsFaults.js';
import { describeValue } from '@lexigram/monitor-core/internal';

/** What this package adds to core's instrument options. */
export type RuntimeOptions = FaultOptions;

/** Options of a {@link Counter}. */
export interface CounterOptions extends InstrumentOptions, RuntimeOptions {}
/** Options of a {@link Gauge}. */
export interface GaugeInstrumentOptions extends GaugeOptions, RuntimeOptions {}
/** Options of a {@link Histogram}. */
export interface HistogramInstrumentOptions extends HistogramOptions, RuntimeOptions {}
/** Options of a {@link Summary}. */
export interface SummaryInstrumentOptions extends SummaryOptions, RuntimeOptions {
  /** Monotonic clock in ms that drives the window. Default `performance.now()`; set in tests. */
  clock?: () => number;
}

/** Default cardinality cap per metric (MetricsConfig's `maxSeriesPerMetric` default). */
export const DEFAULT_MAX_SERIES = 2000;

/** The validated cardinality cap of `options`. */
export function maxSeriesOf(metricName: string, options: InstrumentOptions): number {
  const max = options.maxSeries ?? DEFAULT_MAX_SERIES;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) {
    throw new InvalidMetricError(
      `maxSeries of metric "${metricName}" is ${describeValue(max)}: use a positive integer (default ${DEFAULT_MAX_SERIES}).`,
    );
  }
  return max;
}

/** The validated help text. */
export function helpOf(metricName: string, description: unknown): string {
  if (description === undefined) return '';
  if (typeof description !== 'string') {
    throw new InvalidMetricError(
      `The description of metric "${metricName}" must be a string, got ${describeValue(description)}.`,
    );
  }
  return description;
}

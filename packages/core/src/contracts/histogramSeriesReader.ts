import type { Labels } from '../model/labels.js';

/**
 * Receives one series of a histogram read in place: `counts[offset]` to
 * `counts[offset + upperBounds.length - 1]` are its per-bucket (not cumulative) counts, the
 * last one the `+Inf` bucket. `counts` is the collector's own storage, valid during the call
 * only: copy what you keep, never write to it.
 */
export type HistogramSeriesVisitor = (
  labels: Labels,
  counts: ArrayLike<number>,
  offset: number,
  count: number,
  sum: number,
) => void;

/**
 * A histogram's series read without snapshot objects, for readers that go over many series
 * often (the dashboard reads the HTTP histogram once a second): see
 * `MetricsCollectorProtocol.readHistogram`.
 */
export interface HistogramSeriesReader {
  /** The buckets' upper bounds, the last one `Infinity`. */
  readonly upperBounds: readonly number[];
  /** Call `visit` for each series, synchronously, in the order `collect()` gives them. */
  forEachSeries(visit: HistogramSeriesVisitor): void;
}

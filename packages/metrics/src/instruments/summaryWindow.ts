import { InvalidMetricError, type SummaryOptions } from '@lexigram/monitor-core';
import { describeValue } from '@lexigram/monitor-core/internal';

/** A summary's validated window settings, shared by all its series. */
export interface SummaryWindow {
  /** Quantiles reported, ascending, each in (0, 1). */
  readonly quantiles: readonly number[];
  /** Window length. */
  readonly maxAgeMs: number;
  /** Slots the window rotates through. */
  readonly ageBuckets: number;
  /** Length of one slot: maxAgeMs / ageBuckets. */
  readonly slotMs: number;
  /** Monotonic clock in ms. */
  readonly now: () => number;
}

/** Default quantiles of a summary. */
export const DEFAULT_QUANTILES: readonly number[] = Object.freeze([0.5, 0.9, 0.99]);
/** Default window length: 10 minutes. */
export const DEFAULT_MAX_AGE_MS = 600_000;
/** Default number of window slots. */
export const DEFAULT_AGE_BUCKETS = 5;

const monotonicNow = (): number => performance.now();

/** Validate a summary's options into its {@link SummaryWindow}. */
export function summaryWindow(
  metricName: string,
  options: SummaryOptions & { clock?: () => number },
): SummaryWindow {
  const quantiles = options.quantiles ?? DEFAULT_QUANTILES;
  if (!Array.isArray(quantiles) || quantiles.length === 0) {
    throw new InvalidMetricError(
      `Quantiles of summary "${metricName}" must be a non-empty array of numbers in (0, 1), e.g. [0.5, 0.9, 0.99].`,
    );
  }
  for (const q of quantiles as unknown[]) {
    if (typeof q !== 'number' || !(q > 0 && q < 1)) {
      throw new InvalidMetricError(
        `Quantile ${describeValue(q)} of summary "${metricName}" is out of range: each quantile must be a number strictly between 0 and 1, e.g. 0.99.`,
      );
    }
  }
  const sorted = [...(quantiles as readonly number[])].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) {
      throw new InvalidMetricError(
        `Quantile ${sorted[i]} appears twice on summary "${metricName}": list each quantile once.`,
      );
    }
  }
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  if (typeof maxAgeMs !== 'number' || !Number.isFinite(maxAgeMs) || maxAgeMs <= 0) {
    throw new InvalidMetricError(
      `maxAgeMs of summary "${metricName}" is ${describeValue(maxAgeMs)}: use a positive number of milliseconds (default ${DEFAULT_MAX_AGE_MS}).`,
    );
  }
  const ageBuckets = options.ageBuckets ?? DEFAULT_AGE_BUCKETS;
  if (typeof ageBuckets !== 'number' || !Number.isInteger(ageBuckets) || ageBuckets < 1) {
    throw new InvalidMetricError(
      `ageBuckets of summary "${metricName}" is ${describeValue(ageBuckets)}: use a positive integer (default ${DEFAULT_AGE_BUCKETS}).`,
    );
  }
  if (options.clock !== undefined && typeof options.clock !== 'function') {
    throw new InvalidMetricError(
      `The clock option of summary "${metricName}" must be a function returning milliseconds.`,
    );
  }
  return Object.freeze({
    quantiles: Object.freeze(sorted),
    maxAgeMs,
    ageBuckets,
    slotMs: maxAgeMs / ageBuckets,
    now: options.clock ?? monotonicNow,
  });
}

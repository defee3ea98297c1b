import { DEFAULT_HISTOGRAM_BUCKETS, InvalidMetricError } from '@lexigram/monitor-core';
import { describeValue } from '@lexigram/monitor-core/internal';

/**
 * Validated histogram bucket bounds: finite, strictly ascending. A trailing `+Infinity` is
 * accepted and dropped (the `+Inf` bucket always exists). Default: Prometheus' default buckets.
 */
export function validateBuckets(
  metricName: string,
  buckets: readonly number[] | undefined,
): Float64Array {
  if (buckets === undefined) return Float64Array.from(DEFAULT_HISTOGRAM_BUCKETS);
  if (!Array.isArray(buckets)) {
    throw new InvalidMetricError(
      `Buckets of histogram "${metricName}" must be an array of ascending finite numbers, got ${describeValue(buckets)}.`,
    );
  }
  const bounds = buckets.length > 0 && buckets.at(-1) === Infinity ? buckets.slice(0, -1) : buckets;
  for (let i = 0; i < bounds.length; i++) {
    const bound: unknown = bounds[i];
    if (typeof bound !== 'number' || !Number.isFinite(bound)) {
      throw new InvalidMetricError(
        `Bucket ${i} of histogram "${metricName}" is ${describeValue(bound)}: bucket bounds must be finite numbers (the +Inf bucket is added for you).`,
      );
    }
    if (i > 0 && !(bound > bounds[i - 1]!)) {
      throw new InvalidMetricError(
        `Buckets of histogram "${metricName}" must be strictly ascending: ${bound} follows ${bounds[i - 1]}. Sort them and remove duplicates.`,
      );
    }
  }
  return Float64Array.from(bounds);
}

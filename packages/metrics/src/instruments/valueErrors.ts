import { InvalidMetricError } from '@lexigram/monitor-core';
import { describeValue } from '@lexigram/monitor-core/internal';

// Built only on the throw path, so the recording functions stay small enough to inline.

/** A counter increment that is negative, NaN or not a number. */
export function invalidIncrement(metricName: string, value: unknown): InvalidMetricError {
  return new InvalidMetricError(
    `Counter "${metricName}" cannot be incremented by ${describeValue(value)}: a counter only goes up, so use a number >= 0 (use a Gauge for values that go down).`,
  );
}

/** A recorded value that is not a number at all. */
export function notANumber(metricName: string, value: unknown): InvalidMetricError {
  return new InvalidMetricError(
    `Metric "${metricName}" cannot record ${describeValue(value)}: pass a number.`,
  );
}

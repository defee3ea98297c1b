import { InvalidMetricError } from '@lexigram/monitor-core';
import { quoteName } from '@lexigram/monitor-core/internal';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const UNIT = /^[a-zA-Z0-9_]*$/;

/**
 * Label name of the one series a metric records into once its cardinality cap is reached. It is
 * reserved so that series can never be confused with a user's own.
 */
export const OVERFLOW_LABEL = 'lexigram_overflow';

/**
 * Throw an {@link InvalidMetricError} unless `name` is a valid Prometheus metric name
 * (`[a-zA-Z_:][a-zA-Z0-9_:]*`).
 */
export function validateMetricName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !METRIC_NAME.test(name)) {
    throw new InvalidMetricError(
      `Invalid metric name ${quoteName(name)}: use letters, digits, '_' and ':' only, not starting with a digit (Prometheus rule [a-zA-Z_:][a-zA-Z0-9_:]*), e.g. "http_requests_total".`,
    );
  }
}

/**
 * Throw an {@link InvalidMetricError} unless `name` is a valid, non-reserved Prometheus label
 * name. `reserved` lists names the metric's type uses itself (`le` for histograms, `quantile`
 * for summaries).
 */
export function validateLabelName(
  metricName: string,
  name: unknown,
  reserved: readonly string[] = [],
): asserts name is string {
  if (typeof name !== 'string' || !LABEL_NAME.test(name)) {
    throw new InvalidMetricError(
      `Invalid label name ${quoteName(name)} on metric "${metricName}": use letters, digits and '_' only, not starting with a digit (Prometheus rule [a-zA-Z_][a-zA-Z0-9_]*).`,
    );
  }
  if (name.startsWith('__')) {
    throw new InvalidMetricError(
      `Label name "${name}" on metric "${metricName}" is reserved: names starting with "__" belong to Prometheus itself; rename the label.`,
    );
  }
  if (name === OVERFLOW_LABEL || reserved.includes(name)) {
    throw new InvalidMetricError(
      `Label name "${name}" on metric "${metricName}" is reserved for this metric type; rename the label.`,
    );
  }
}

/** Throw an {@link InvalidMetricError} unless `unit` is empty or `[a-zA-Z0-9_]+`. */
export function validateUnit(metricName: string, unit: unknown): asserts unit is string {
  if (typeof unit !== 'string' || !UNIT.test(unit)) {
    throw new InvalidMetricError(
      `Invalid unit ${quoteName(unit)} on metric "${metricName}": use letters, digits and '_' only, e.g. "seconds" or "bytes".`,
    );
  }
}

/**
 * Map any string to a valid metric name: every character Prometheus forbids (such as the dots of
 * `module.Class.method.duration`) becomes `_`, and a leading digit gets a `_` in front.
 */
export function toMetricName(raw: string): string {
  const name = raw.replace(/[^a-zA-Z0-9_:]/g, '_');
  if (name === '') return '_';
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

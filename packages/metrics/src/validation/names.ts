import { InvalidMetricError } from '@lexigram/monitor-core';
import { quoteName } from '@lexigram/monitor-core/internal';

// Prometheus names plus the separators OpenTelemetry and the reference use: `.`, `-` and `/`
// (`http.request.duration`). Names are stored as given; exporters map them to their format.
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:./-]*$/;
const NOT_PROMETHEUS = /[^a-zA-Z0-9_:]/g;
// Prometheus label names plus the dots of OpenTelemetry attribute names (`http.route`); a
// Prometheus exporter maps the dots to `_`.
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_.]*$/;
const UNIT = /^[a-zA-Z0-9_]*$/;

/**
 * Label name of the one series a metric records into once its cardinality cap is reached. It is
 * reserved so that series can never be confused with a user's own.
 */
export const OVERFLOW_LABEL = 'lexigram_overflow';

/**
 * Throw an {@link InvalidMetricError} unless `name` is a valid metric name: a Prometheus name
 * (`[a-zA-Z_:][a-zA-Z0-9_:]*`) or one with the separators OpenTelemetry uses (`.`, `-`, `/`),
 * such as `http.request.duration`. Names are stored as given; see {@link prometheusMetricName}.
 */
export function validateMetricName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !METRIC_NAME.test(name)) {
    throw new InvalidMetricError(
      `Invalid metric name ${quoteName(name)}: use letters, digits, '_', ':', '.', '-' and '/' only, starting with a letter, '_' or ':', e.g. "http.request.duration" or "http_requests_total".`,
    );
  }
}

/**
 * The Prometheus name of a (valid) metric name: every character outside `[a-zA-Z0-9_:]` becomes
 * `_`, so `http.request.duration` is exposed as `http_request_duration`. Two metric names with
 * the same Prometheus name cannot both be registered on one collector.
 */
export function prometheusMetricName(name: string): string {
  return name.replace(NOT_PROMETHEUS, '_');
}

/**
 * Throw an {@link InvalidMetricError} unless `name` is a valid, non-reserved label name: a
 * Prometheus label name, or one with the dots OpenTelemetry attribute names use
 * (`http.request.method`, exposed to Prometheus as `http_request_method`). `reserved` lists names
 * the metric's type uses itself (`le` for histograms, `quantile` for summaries).
 */
export function validateLabelName(
  metricName: string,
  name: unknown,
  reserved: readonly string[] = [],
): asserts name is string {
  if (typeof name !== 'string' || !LABEL_NAME.test(name)) {
    throw new InvalidMetricError(
      `Invalid label name ${quoteName(name)} on metric "${metricName}": use letters, digits, '_' and '.' only, not starting with a digit or '.', e.g. "route" or "http.route".`,
    );
  }
  const exposed = name.replaceAll('.', '_');
  if (exposed.startsWith('__')) {
    throw new InvalidMetricError(
      `Label name "${name}" on metric "${metricName}" is reserved: names starting with "__" belong to Prometheus itself; rename the label.`,
    );
  }
  if (exposed === OVERFLOW_LABEL || reserved.includes(exposed)) {
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

/** The Prometheus spelling of a (valid) label name: dots become `_`. */
export function prometheusLabelName(name: string): string {
  return name.replaceAll('.', '_');
}

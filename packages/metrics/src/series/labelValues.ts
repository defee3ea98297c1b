import { InvalidMetricError, type Labels } from '@lexigram/monitor-core';
import { prometheusLabelName, validateLabelName } from '../validation/names.js';
import { describeValue, quoteName } from '@lexigram/monitor-core/internal';

/**
 * The value of label `name` in `labels` as a series stores it: a missing key, `undefined` or
 * `null` is `''`; numbers, booleans and bigints become their string form (`200` and `'200'` are
 * one series); anything else is an {@link InvalidMetricError}. Only own properties count, so a
 * label named `constructor` never reads `Object.prototype`.
 */
export function labelValue(metricName: string, labels: Labels, name: string): string {
  if (!Object.hasOwn(labels, name)) return '';
  const value: unknown = labels[name];
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  throw new InvalidMetricError(
    `Label "${name}" of metric "${metricName}" has ${describeValue(value)}: label values must be strings (numbers and booleans are converted).`,
  );
}

/**
 * Throw an {@link InvalidMetricError} when `labels` has an own key outside `names`: the label
 * schema is fixed at first use.
 */
export function rejectUnknownLabels(
  metricName: string,
  labels: Labels,
  names: readonly string[],
): void {
  for (const key of Object.keys(labels)) {
    if (!names.includes(key)) {
      const expected = names.length === 0 ? 'no labels' : names.map((n) => `"${n}"`).join(', ');
      throw new InvalidMetricError(
        `Unknown label ${quoteName(key)} on metric "${metricName}": its label names are fixed at first use (${expected}). Drop the label, or create a separate metric for it.`,
      );
    }
  }
}

/**
 * The sorted label schema of a metric, validated: every name a valid, non-reserved label name,
 * no duplicates, none shared with the constant labels.
 */
export function buildSchema(
  metricName: string,
  names: readonly string[],
  constLabels: Labels,
  reserved: readonly string[],
): readonly string[] {
  if (!Array.isArray(names)) {
    throw new InvalidMetricError(
      `labelNames of metric "${metricName}" must be an array of label names.`,
    );
  }
  // Keyed by the Prometheus spelling: `http.route` and `http_route` would be one exposed label.
  const seen = new Set<string>();
  const constants = new Set(Object.keys(constLabels).map(prometheusLabelName));
  for (const name of names) {
    validateLabelName(metricName, name, reserved);
    const exposed = prometheusLabelName(name);
    if (seen.has(exposed)) {
      throw new InvalidMetricError(
        `Label name "${name}" appears twice on metric "${metricName}" (names differing only in '.' and '_' count as one): list each label once.`,
      );
    }
    if (constants.has(exposed)) {
      throw new InvalidMetricError(
        `Label "${name}" of metric "${metricName}" is already a constant (or default) label: a label is either constant or per observation, not both.`,
      );
    }
    seen.add(exposed);
  }
  return Object.freeze([...(names as readonly string[])].sort());
}

/** Validated, frozen constant labels (the metric's own over the collector's defaults). */
export function buildConstLabels(
  metricName: string,
  labels: Labels | undefined,
  reserved: readonly string[],
): Labels {
  const out: Record<string, string> = {};
  if (labels === undefined) return Object.freeze(out);
  if (typeof labels !== 'object' || labels === null) {
    throw new InvalidMetricError(
      `Constant labels of metric "${metricName}" must be an object of label name to value.`,
    );
  }
  for (const name of Object.keys(labels)) {
    validateLabelName(metricName, name, reserved);
    out[name] = labelValue(metricName, labels, name);
  }
  return Object.freeze(out);
}

/** A frozen label object with `names[i] = values[i]`, keys in schema order. */
export function labelsObject(names: readonly string[], values: readonly string[]): Labels {
  const out: Record<string, string> = {};
  for (let i = 0; i < names.length; i++) out[names[i]!] = values[i]!;
  return Object.freeze(out);
}

/** Throw an {@link InvalidMetricError} unless `labels` is an object (not an array). */
export function assertLabelsObject(metricName: string, labels: unknown): void {
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) {
    throw new InvalidMetricError(
      `Labels of metric "${metricName}" must be an object of label name to string value, got ${describeValue(labels)}.`,
    );
  }
}

/**
 * The value of every schema label in `labels`, in schema order (see {@link labelValue}); an own
 * key outside the schema is an {@link InvalidMetricError}.
 */
export function labelValuesOf(
  metricName: string,
  labels: Labels,
  names: readonly string[],
): string[] {
  const values: string[] = [];
  let present = 0;
  for (const name of names) {
    if (Object.hasOwn(labels, name)) present++;
    values.push(labelValue(metricName, labels, name));
  }
  // More enumerable keys than schema labels found means an unknown key: find and name it.
  let keys = 0;
  for (const _ in labels) keys++;
  if (keys !== present) rejectUnknownLabels(metricName, labels, names);
  return values;
}

/**
 * Name mapping from core's metric names (which may be dotted, as the reference writes them) to
 * Prometheus names, and the escaping both text formats share.
 */

const INVALID_METRIC_CHARS = /[^a-zA-Z0-9_:]/g;
const INVALID_LABEL_CHARS = /[^a-zA-Z0-9_]/g;
const NEEDS_LABEL_ESCAPE = /[\\"\n]/;
const NEEDS_HELP_ESCAPE = /[\\\n]/;

/**
 * A valid Prometheus metric name for `name`: every character outside `[a-zA-Z0-9_:]` (dots
 * included) becomes `_`, and a leading digit gets a `_` in front.
 *
 * @example
 * ```ts
 * sanitizeMetricName('http.request.duration'); // 'http_request_duration'
 * ```
 */
export function sanitizeMetricName(name: string): string {
  const out = name.replace(INVALID_METRIC_CHARS, '_');
  if (out === '') return '_';
  const first = out.charCodeAt(0);
  return first >= 48 && first <= 57 ? `_${out}` : out;
}

/** A valid Prometheus label name: like {@link sanitizeMetricName}, but `:` is not allowed. */
export function sanitizeLabelName(name: string): string {
  const out = name.replace(INVALID_LABEL_CHARS, '_');
  if (out === '') return '_';
  const first = out.charCodeAt(0);
  return first >= 48 && first <= 57 ? `_${out}` : out;
}

// OpenTelemetry's Prometheus compatibility rules spell UCUM units out as words, so a duration
// recorded with unit `s` (the OpenTelemetry spelling) is exposed as `_seconds` like prom-client's.
const UNIT_WORDS: Readonly<Record<string, string>> = {
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
  min: 'minutes',
  h: 'hours',
  d: 'days',
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  GiBy: 'gibibytes',
  KBy: 'kilobytes',
  MBy: 'megabytes',
  GBy: 'gigabytes',
  Hz: 'hertz',
  Cel: 'celsius',
};

/**
 * The unit as a Prometheus name suffix: UCUM abbreviations spelled out (`s` → `seconds`,
 * `By` → `bytes`), anything else sanitized as given (`seconds` stays `seconds`).
 *
 * @example
 * ```ts
 * prometheusUnit('s'); // 'seconds'
 * prometheusUnit('requests'); // 'requests'
 * ```
 */
export function prometheusUnit(unit: string): string {
  if (unit === '') return '';
  return UNIT_WORDS[unit] ?? sanitizeLabelName(unit);
}

/** Kinds of family that get a name suffix. */
type FamilyKind = 'counter' | 'gauge' | 'histogram' | 'summary';

/**
 * The Prometheus family name of a metric: sanitized, with `_<unit>` appended when the unit is
 * set and the name does not already end with it. Counters are returned without `_total`
 * (the OpenMetrics family name); {@link counterSampleName} adds it.
 *
 * @example
 * ```ts
 * prometheusFamilyName('http.request.duration', 'seconds', 'histogram'); // 'http_request_duration_seconds'
 * prometheusFamilyName('orders_total', '', 'counter'); // 'orders'
 * ```
 */
export function prometheusFamilyName(name: string, unit: string, kind: FamilyKind): string {
  let base = sanitizeMetricName(name);
  if (kind === 'counter' && base.endsWith('_total') && base.length > 6) base = base.slice(0, -6);
  const word = prometheusUnit(unit);
  if (word !== '') {
    const suffix = `_${word}`;
    if (!base.endsWith(suffix)) base += suffix;
  }
  return base;
}

/** The sample name of a counter family: `<family>_total`. */
export function counterSampleName(familyName: string): string {
  return `${familyName}_total`;
}

/** A label value escaped for both formats: backslash, double quote and newline. */
export function escapeLabelValue(value: string): string {
  if (!NEEDS_LABEL_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

/**
 * HELP text escaped: backslash and newline in text 0.0.4; OpenMetrics also escapes the double
 * quote.
 */
export function escapeHelp(help: string, openMetrics: boolean): string {
  if (openMetrics) return escapeLabelValue(help);
  if (!NEEDS_HELP_ESCAPE.test(help)) return help;
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** A sample value as both formats write it: `NaN`, `+Inf`, `-Inf` or the shortest decimal. */
export function formatValue(value: number): string {
  if (Number.isFinite(value)) return String(value);
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? '+Inf' : '-Inf';
}

import type { Labels, MetricFamily } from '@lexigram/monitor-core';

/**
 * Human-readable lines for one family: a `# type name: help` header, then one line per series.
 * Counters and gauges print their value; histograms count, sum and cumulative buckets; summaries
 * count, sum and quantiles. Label values are escaped as in the Prometheus text format.
 */
export function formatFamily(family: MetricFamily): string[] {
  const unit = family.unit ? ` (${family.unit})` : '';
  const lines = [`# ${family.type} ${family.name}${unit}${family.help ? `: ${family.help}` : ''}`];
  switch (family.type) {
    case 'counter':
    case 'gauge':
      for (const s of family.series)
        lines.push(`${family.name}${labelText(s.labels)} ${num(s.value)}`);
      break;
    case 'histogram':
      for (const s of family.series) {
        const buckets = s.buckets.map((b) => `le(${num(b.upperBound)})=${num(b.cumulativeCount)}`);
        lines.push(
          `${family.name}${labelText(s.labels)} count=${num(s.count)} sum=${num(s.sum)} ${buckets.join(' ')}`,
        );
      }
      break;
    case 'summary':
      for (const s of family.series) {
        const quantiles = s.quantiles.map((q) => `q(${q.quantile})=${num(q.value)}`);
        lines.push(
          `${family.name}${labelText(s.labels)} count=${num(s.count)} sum=${num(s.sum)} ${quantiles.join(' ')}`,
        );
      }
      break;
  }
  return lines;
}

/** `{a="1",b="x\"y"}`, or '' with no labels. */
export function labelText(labels: Labels): string {
  const parts: string[] = [];
  for (const name of Object.keys(labels))
    parts.push(`${name}="${escapeLabelValue(labels[name]!)}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

/** Escape `\`, `"` and newlines as the Prometheus text format does. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** A number for reading: `NaN`, `+Inf`, `-Inf`, integers in full, others to 6 significant digits. */
export function num(value: number): string {
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (Number.isNaN(value)) return 'NaN';
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

import type { Labels, MetricFamily } from '@lexigram/monitor-core';
import type { ExemplarBucket } from './exemplar.js';
import {
  counterSampleName,
  escapeHelp,
  escapeLabelValue,
  formatValue,
  prometheusFamilyName,
  sanitizeLabelName,
} from './prometheusName.js';

const VALID_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Sanitized label names, cached: the same few names repeat across thousands of series. */
const labelNameCache = new Map<string, string>();

function labelName(name: string): string {
  let out = labelNameCache.get(name);
  if (out === undefined) {
    out = VALID_LABEL_NAME.test(name) ? name : sanitizeLabelName(name);
    if (labelNameCache.size < 10_000) labelNameCache.set(name, out);
  }
  return out;
}

/** `k="v",k2="v2"` for a series' labels (no braces); empty when there are none. */
export function formatLabelPairs(labels: Labels): string {
  let out = '';
  for (const key in labels) {
    const value = labels[key]!;
    out += `${out === '' ? '' : ','}${labelName(key)}="${escapeLabelValue(value)}"`;
  }
  return out;
}

function braces(pairs: string, extra?: string): string {
  if (extra === undefined) return pairs === '' ? '' : `{${pairs}}`;
  return pairs === '' ? `{${extra}}` : `{${pairs},${extra}}`;
}

function exemplarSuffix(bucket: ExemplarBucket): string {
  const ex = bucket.exemplar;
  if (ex === undefined) return '';
  const ts = ex.timestampMs === undefined ? '' : ` ${ex.timestampMs / 1000}`;
  return ` # {${formatLabelPairs(ex.labels)}} ${formatValue(ex.value)}${ts}`;
}

/** Options of {@link renderFamily}. */
export interface RenderFamilyOptions {
  /** OpenMetrics 1.0 instead of text 0.0.4. */
  readonly openMetrics: boolean;
  /** Write bucket exemplars (OpenMetrics only). */
  readonly exemplars: boolean;
}

/**
 * The Prometheus family name `family` is exposed under (counters: without `_total`, units as
 * suffixes). Two families with the same exposed name cannot both be served.
 */
export function exposedFamilyName(family: MetricFamily): string {
  return prometheusFamilyName(family.name, family.unit, family.type);
}

/**
 * `family` in the chosen format, yielded series by series so the caller can cut the output into
 * bounded chunks. `name` is the family's exposed name ({@link exposedFamilyName}).
 */
export function* renderFamily(
  family: MetricFamily,
  name: string,
  options: RenderFamilyOptions,
): Generator<string, void, undefined> {
  const om = options.openMetrics;
  const headerName = family.type === 'counter' && !om ? counterSampleName(name) : name;
  let head = '';
  if (family.help !== '') head += `# HELP ${headerName} ${escapeHelp(family.help, om)}\n`;
  head += `# TYPE ${headerName} ${family.type}\n`;
  if (om && family.unit !== '' && name.endsWith(`_${family.unit}`)) {
    head += `# UNIT ${name} ${family.unit}\n`;
  }
  yield head;
  switch (family.type) {
    case 'counter': {
      const sample = counterSampleName(name);
      for (const s of family.series) {
        yield `${sample}${braces(formatLabelPairs(s.labels))} ${formatValue(s.value)}\n`;
      }
      return;
    }
    case 'gauge':
      for (const s of family.series) {
        yield `${name}${braces(formatLabelPairs(s.labels))} ${formatValue(s.value)}\n`;
      }
      return;
    case 'histogram': {
      const withExemplars = om && options.exemplars;
      for (const s of family.series) {
        const pairs = formatLabelPairs(s.labels);
        let text = '';
        for (const b of s.buckets) {
          text += `${name}_bucket${braces(pairs, `le="${formatValue(b.upperBound)}"`)} ${b.cumulativeCount}`;
          text += withExemplars ? `${exemplarSuffix(b)}\n` : '\n';
        }
        const lb = braces(pairs);
        text += `${name}_sum${lb} ${formatValue(s.sum)}\n${name}_count${lb} ${s.count}\n`;
        yield text;
      }
      return;
    }
    case 'summary':
      for (const s of family.series) {
        const pairs = formatLabelPairs(s.labels);
        let text = '';
        for (const q of s.quantiles) {
          text += `${name}${braces(pairs, `quantile="${formatValue(q.quantile)}"`)} ${formatValue(q.value)}\n`;
        }
        const lb = braces(pairs);
        text += `${name}_sum${lb} ${formatValue(s.sum)}\n${name}_count${lb} ${s.count}\n`;
        yield text;
      }
      return;
  }
}

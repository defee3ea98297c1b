import type { Labels, MetricFamily } from '@lexigram/monitor-core';
import type { ExemplarBucket } from './exemplar.js';
import {
  counterSampleName,
  escapeHelp,
  escapeLabelValue,
  formatValue,
  prometheusFamilyName,
  prometheusUnit,
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

/**
 * Formatted label pairs of frozen label objects. The metrics package hands out the same frozen
 * object for a series in every snapshot, so repeated scrapes format each label set once.
 */
const pairsCache = new WeakMap<Labels, string>();

/** `k="v",k2="v2"` for a series' labels (no braces); empty when there are none. */
export function formatLabelPairs(labels: Labels): string {
  let out = pairsCache.get(labels);
  if (out !== undefined) return out;
  out = '';
  for (const key in labels) {
    const value = labels[key]!;
    out += `${out === '' ? '' : ','}${labelName(key)}="${escapeLabelValue(value)}"`;
  }
  if (Object.isFrozen(labels)) pairsCache.set(labels, out);
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
  /** Characters gathered before yielding a piece (default 16384). */
  readonly batch?: number;
}

/**
 * The Prometheus family name `family` is exposed under (counters: without `_total`, units as
 * suffixes). Two families with the same exposed name cannot both be served.
 */
export function exposedFamilyName(family: MetricFamily): string {
  return prometheusFamilyName(family.name, family.unit, family.type);
}

/** Characters {@link renderFamily} gathers before yielding by default: few yields, bounded pieces. */
const DEFAULT_BATCH = 16_384;

const boundCache = new Map<number, string>();

/** `le="<bound>"`, cached: the same bucket bounds repeat in every histogram series. */
function leLabel(bound: number): string {
  let out = boundCache.get(bound);
  if (out === undefined) {
    out = `le="${formatValue(bound)}"`;
    if (boundCache.size < 10_000) boundCache.set(bound, out);
  }
  return out;
}

/**
 * `family` in the chosen format, yielded in pieces of about `options.batch` characters (never splitting a series)
 * so the caller can cut the output into bounded chunks. `name` is the family's exposed name
 * ({@link exposedFamilyName}).
 */
export function* renderFamily(
  family: MetricFamily,
  name: string,
  options: RenderFamilyOptions,
): Generator<string, void, undefined> {
  const om = options.openMetrics;
  const BATCH = options.batch ?? DEFAULT_BATCH;
  const headerName = family.type === 'counter' && !om ? counterSampleName(name) : name;
  let text = '';
  if (family.help !== '') text += `# HELP ${headerName} ${escapeHelp(family.help, om)}\n`;
  text += `# TYPE ${headerName} ${family.type}\n`;
  const unit = prometheusUnit(family.unit);
  if (om && unit !== '' && name.endsWith(`_${unit}`)) text += `# UNIT ${name} ${unit}\n`;
  switch (family.type) {
    case 'counter':
    case 'gauge': {
      const sample = family.type === 'counter' ? counterSampleName(name) : name;
      for (const s of family.series) {
        const pairs = formatLabelPairs(s.labels);
        text +=
          pairs === ''
            ? `${sample} ${formatValue(s.value)}\n`
            : `${sample}{${pairs}} ${formatValue(s.value)}\n`;
        if (text.length >= BATCH) {
          yield text;
          text = '';
        }
      }
      break;
    }
    case 'histogram': {
      const withExemplars = om && options.exemplars;
      const bucketName = `${name}_bucket`;
      for (const s of family.series) {
        const pairs = formatLabelPairs(s.labels);
        const open = pairs === '' ? `${bucketName}{` : `${bucketName}{${pairs},`;
        for (const b of s.buckets) {
          text += `${open}${leLabel(b.upperBound)}} ${b.cumulativeCount}`;
          text += withExemplars ? `${exemplarSuffix(b)}\n` : '\n';
        }
        text += sumAndCount(name, pairs, s);
        if (text.length >= BATCH) {
          yield text;
          text = '';
        }
      }
      break;
    }
    case 'summary':
      for (const s of family.series) {
        const pairs = formatLabelPairs(s.labels);
        for (const q of s.quantiles) {
          text += `${name}${braces(pairs, `quantile="${formatValue(q.quantile)}"`)} ${formatValue(q.value)}\n`;
        }
        text += sumAndCount(name, pairs, s);
        if (text.length >= BATCH) {
          yield text;
          text = '';
        }
      }
      break;
  }
  if (text !== '') yield text;
}

/** The `_sum` and `_count` lines of a histogram or summary series. */
function sumAndCount(name: string, pairs: string, s: { sum: number; count: number }): string {
  const lb = braces(pairs);
  return `${name}_sum${lb} ${formatValue(s.sum)}\n${name}_count${lb} ${s.count}\n`;
}

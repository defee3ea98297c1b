import type { Labels, MetricFamily } from '@lexigram/monitor-core';
import { counterSampleName, formatValue, sanitizeLabelName } from '../exposition/prometheusName.js';
import { exposedFamilyName } from '../exposition/renderFamily.js';

/** One stored sample: a Prometheus sample name, its labels and value at a time. */
export interface MetricRow {
  /** Milliseconds since the epoch. */
  readonly timeMs: number;
  /** Sample name as Prometheus shows it, e.g. `http_requests_total`, `latency_seconds_bucket`. */
  readonly name: string;
  /** Labels as canonical JSON (sorted keys), `le` / `quantile` included. */
  readonly labels: string;
  readonly value: number;
}

/** Labels as JSON with sorted, sanitized keys: equal label sets give equal strings. */
export function canonicalLabels(labels: Labels, extra?: readonly [string, string]): string {
  const out: Record<string, string> = {};
  for (const key in labels) out[sanitizeLabelName(key)] = labels[key]!;
  if (extra) out[extra[0]] = extra[1];
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(out).sort()) sorted[key] = out[key]!;
  return JSON.stringify(sorted);
}

/**
 * The samples of `families` at `timeMs`, one row per Prometheus sample: counters as `_total`,
 * histograms as `_bucket{le}` / `_sum` / `_count`, summaries as quantiles, `_sum`, `_count`.
 */
export function familiesToRows(families: readonly MetricFamily[], timeMs: number): MetricRow[] {
  const rows: MetricRow[] = [];
  const push = (name: string, labels: string, value: number): void => {
    rows.push({ timeMs, name, labels, value });
  };
  for (const family of families) {
    const name = exposedFamilyName(family);
    switch (family.type) {
      case 'counter':
        for (const s of family.series) {
          push(counterSampleName(name), canonicalLabels(s.labels), s.value);
        }
        break;
      case 'gauge':
        for (const s of family.series) push(name, canonicalLabels(s.labels), s.value);
        break;
      case 'histogram':
        for (const s of family.series) {
          for (const b of s.buckets) {
            const le = canonicalLabels(s.labels, ['le', formatValue(b.upperBound)]);
            push(`${name}_bucket`, le, b.cumulativeCount);
          }
          const labels = canonicalLabels(s.labels);
          push(`${name}_sum`, labels, s.sum);
          push(`${name}_count`, labels, s.count);
        }
        break;
      case 'summary':
        for (const s of family.series) {
          for (const q of s.quantiles) {
            push(name, canonicalLabels(s.labels, ['quantile', formatValue(q.quantile)]), q.value);
          }
          const labels = canonicalLabels(s.labels);
          push(`${name}_sum`, labels, s.sum);
          push(`${name}_count`, labels, s.count);
        }
        break;
    }
  }
  return rows;
}

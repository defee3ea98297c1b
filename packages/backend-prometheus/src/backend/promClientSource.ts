import type {
  HistogramSeries,
  Labels,
  MetricFamily,
  NumberSeries,
  SummarySeries,
} from '@lexigram/monitor-core';
import type { Registry } from 'prom-client';
import type { Exemplar, ExemplarBucket } from '../exposition/exemplar.js';
import type { MetricFamilySource } from '../exposition/prometheusExposition.js';

interface PromValue {
  value: number;
  labels: Record<string, string | number | undefined>;
  metricName?: string;
  exemplar?: { labelSet: Record<string, string>; value: number | null; timestamp?: number } | null;
}

interface PromMetric {
  name: string;
  help: string;
  type: string;
  values: PromValue[];
}

function stringLabels(
  labels: Record<string, string | number | undefined>,
  skip?: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in labels) {
    const value = labels[key];
    if (key !== skip && value !== undefined) out[key] = String(value);
  }
  return out;
}

function seriesKey(labels: Labels): string {
  return JSON.stringify(labels);
}

function parseBound(le: string | number | undefined): number {
  if (le === '+Inf' || le === undefined) return Infinity;
  return Number(le);
}

interface Agg {
  labels: Labels;
  points: { key: number; value: number; exemplar?: Exemplar }[];
  sum: number;
  count: number;
}

function grouped(metric: PromMetric, keyLabel: string): Agg[] {
  const groups = new Map<string, Agg>();
  for (const v of metric.values) {
    const labels = stringLabels(v.labels, keyLabel);
    const key = seriesKey(labels);
    let agg = groups.get(key);
    if (!agg) {
      agg = { labels, points: [], sum: 0, count: 0 };
      groups.set(key, agg);
    }
    const suffix = v.metricName?.slice(metric.name.length);
    if (suffix === '_sum') agg.sum = v.value;
    else if (suffix === '_count') agg.count = v.value;
    else {
      const ex = v.exemplar;
      const exemplar: Exemplar | undefined =
        ex && ex.value !== null && Object.keys(ex.labelSet).length > 0
          ? {
              labels: ex.labelSet,
              value: ex.value,
              ...(ex.timestamp === undefined ? {} : { timestampMs: ex.timestamp * 1000 }),
            }
          : undefined;
      agg.points.push({ key: parseBound(v.labels[keyLabel]), value: v.value, exemplar });
    }
  }
  return [...groups.values()];
}

/** A prom-client metric (from `getMetricsAsJSON`) as a core `MetricFamily`. */
export function promMetricToFamily(metric: PromMetric): MetricFamily | undefined {
  const base = { name: metric.name, help: metric.help, unit: '' };
  switch (metric.type) {
    case 'counter':
    case 'gauge': {
      const series: NumberSeries[] = metric.values.map((v) => ({
        labels: stringLabels(v.labels),
        value: v.value,
      }));
      return { ...base, type: metric.type, series };
    }
    case 'histogram': {
      const series: HistogramSeries[] = grouped(metric, 'le').map((g) => ({
        labels: g.labels,
        buckets: g.points
          .sort((a, b) => a.key - b.key)
          .map((p): ExemplarBucket =>
            p.exemplar
              ? { upperBound: p.key, cumulativeCount: p.value, exemplar: p.exemplar }
              : { upperBound: p.key, cumulativeCount: p.value },
          ),
        sum: g.sum,
        count: g.count,
      }));
      return { ...base, type: 'histogram', series };
    }
    case 'summary': {
      const series: SummarySeries[] = grouped(metric, 'quantile').map((g) => ({
        labels: g.labels,
        quantiles: g.points.map((p) => ({ quantile: p.key, value: p.value })),
        sum: g.sum,
        count: g.count,
      }));
      return { ...base, type: 'summary', series };
    }
    default:
      return undefined;
  }
}

/**
 * A prom-client `Registry` as a source of core snapshots, so its metrics (default metrics
 * included) are served in the same response as ours, through the same renderer.
 */
export class PromClientSource implements MetricFamilySource {
  constructor(readonly registry: Registry) {}

  /** Every metric of the registry as a `MetricFamily`. */
  async collect(): Promise<MetricFamily[]> {
    const metrics = (await this.registry.getMetricsAsJSON()) as unknown as PromMetric[];
    const out: MetricFamily[] = [];
    for (const metric of metrics) {
      const family = promMetricToFamily(metric);
      if (family) out.push(family);
    }
    return out;
  }

  /** Names of the metrics registered, as prom-client knows them. */
  names(): string[] {
    return this.registry.getMetricsAsArray().map((m) => m.name);
  }
}

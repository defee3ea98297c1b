import type { Labels, MetricType, MonitorFaultHandler } from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import { Counter, Gauge, Histogram, Summary, type Registry } from 'prom-client';
import { sanitizeLabelName, sanitizeMetricName } from '../exposition/prometheusName.js';

type AnyMetric = Counter | Gauge | Histogram | Summary;

interface Entry {
  readonly type: MetricType;
  readonly metric: AnyMetric;
  /** Label keys as given on first use, in order. */
  readonly keys: readonly string[];
  /** The sanitized Prometheus label name of each key. */
  readonly names: readonly string[];
}

/** Options of {@link PromClientRecorder}. */
export interface PromClientRecorderOptions {
  /** Bucket bounds of histograms created here (default prom-client's, in seconds). */
  buckets?: readonly number[];
  /** Receives recording faults (type clash, bad value); default: core's fault channel. */
  onError?: MonitorFaultHandler;
}

/**
 * Records by name into a prom-client registry, creating each metric on first use. As in the
 * reference's `PrometheusMetricsExporter`, a metric's label schema is locked on first use: later
 * calls that omit a key record `''` for it; keys never seen on first use are dropped (and
 * reported once). Names are mapped to Prometheus names (dots become `_`).
 */
export class PromClientRecorder {
  private readonly entries = new Map<string, Entry>();
  private readonly reported = new Set<string>();

  constructor(
    readonly registry: Registry,
    private readonly options: PromClientRecorderOptions = {},
  ) {}

  /** Record `value` on the metric `name` of kind `type`. Never throws. */
  record(name: string, value: number, type: MetricType, labels?: Labels): void {
    try {
      const entry = this.entry(name, type, labels);
      if (!entry) return;
      const values = this.labelValues(name, entry, labels);
      switch (type) {
        case 'counter':
          (entry.metric as Counter).inc(values, value);
          return;
        case 'gauge':
          (entry.metric as Gauge).set(values, value);
          return;
        default:
          (entry.metric as Histogram | Summary).observe(values, value);
      }
    } catch (error) {
      this.fault(
        'RECORD_FAILED',
        name,
        `Could not record ${value} on "${name}": ${String(error)}`,
        error,
      );
    }
  }

  private entry(name: string, type: MetricType, labels: Labels | undefined): Entry | undefined {
    const existing = this.entries.get(name);
    if (existing) {
      if (existing.type === type) return existing;
      this.fault(
        'METRIC_TYPE_CLASH',
        name,
        `Metric "${name}" was first recorded as a ${existing.type} and cannot be recorded as a ${type}; use another name.`,
      );
      return undefined;
    }
    const keys = Object.keys(labels ?? {});
    const names = keys.map(sanitizeLabelName);
    const config = {
      name: sanitizeMetricName(name),
      help: name,
      labelNames: names,
      registers: [this.registry],
    };
    const buckets = this.options.buckets ? [...this.options.buckets] : undefined;
    const metric: AnyMetric =
      type === 'counter'
        ? new Counter(config)
        : type === 'gauge'
          ? new Gauge(config)
          : type === 'histogram'
            ? new Histogram(buckets ? { ...config, buckets } : config)
            : new Summary(config);
    const entry: Entry = { type, metric, keys, names };
    this.entries.set(name, entry);
    return entry;
  }

  private labelValues(
    name: string,
    entry: Entry,
    labels: Labels | undefined,
  ): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i < entry.keys.length; i++)
      out[entry.names[i]!] = labels?.[entry.keys[i]!] ?? '';
    if (labels) {
      for (const key in labels) {
        if (!entry.keys.includes(key)) {
          this.fault(
            'LABEL_NOT_IN_SCHEMA',
            name,
            `Label "${key}" of "${name}" was not present on first use (schema: ${entry.keys.join(', ') || 'none'}); it is dropped.`,
          );
        }
      }
    }
    return out;
  }

  private fault(code: string, metric: string, message: string, error?: unknown): void {
    const key = `${code}:${metric}`;
    if (this.reported.has(key)) return;
    if (this.reported.size < 1000) this.reported.add(key);
    reportFault(
      { code, component: 'backend-prometheus.recorder', message, error, details: { metric } },
      this.options.onError,
    );
  }
}

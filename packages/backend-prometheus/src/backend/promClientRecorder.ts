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
  /**
   * Exemplar labels for a histogram observation made now (e.g. the sampled span's trace id), or
   * undefined for none. When set, histograms keep the latest exemplar of each bucket; the
   * registry must then be an OpenMetrics one.
   */
  exemplarLabels?: () => Labels | undefined;
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
        case 'histogram': {
          const histogram = entry.metric as Histogram;
          // With exemplars on, prom-client's observe() takes one object argument.
          if (this.options.exemplarLabels) {
            const exemplarLabels = this.options.exemplarLabels();
            histogram.observe(
              exemplarLabels
                ? { labels: values, value, exemplarLabels }
                : { labels: values, value },
            );
          } else {
            histogram.observe(values, value);
          }
          return;
        }
        default:
          (entry.metric as Summary).observe(values, value);
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
            ? new Histogram({
                ...config,
                ...(buckets ? { buckets } : {}),
                enableExemplars: this.options.exemplarLabels !== undefined,
              })
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

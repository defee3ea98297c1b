import type { Labels, MetricType } from '@lexigram/monitor-core';
import type { Counter, Gauge, Histogram, Meter } from '@opentelemetry/api';

type Instrument =
  | { kind: 'counter'; counter: Counter }
  | { kind: 'gauge'; gauge: Gauge }
  | { kind: 'histogram'; histogram: Histogram };

/** Why a value was not recorded: a fault code and a message naming the metric. */
export interface RecordRejection {
  readonly code: string;
  readonly message: string;
}

/**
 * OpenTelemetry instruments made on first use, one per metric name: `counter` adds, `gauge`
 * records, `histogram` and `summary` record into a histogram (OpenTelemetry has no summary).
 */
export class OtelInstruments {
  private readonly meter: Meter;
  private readonly instruments = new Map<string, Instrument>();

  constructor(meter: Meter) {
    this.meter = meter;
  }

  /** Record `value`; returns why it was dropped, or undefined when recorded. */
  record(
    name: string,
    value: number,
    metricType: MetricType,
    labels?: Labels,
  ): RecordRejection | undefined {
    if (typeof value !== 'number' || Number.isNaN(value)) {
      return {
        code: 'INVALID_METRIC_VALUE',
        message: `recordMetric("${name}"): value ${String(value)} is not a number`,
      };
    }
    const kind = metricType === 'summary' ? 'histogram' : metricType;
    let instrument = this.instruments.get(name);
    if (instrument && instrument.kind !== kind) {
      return {
        code: 'METRIC_TYPE_CONFLICT',
        message: `metric "${name}" is a ${instrument.kind}, not a ${metricType}: value dropped`,
      };
    }
    if (instrument === undefined) {
      const created = this.create(name, kind);
      if (created === undefined) {
        return {
          code: 'INVALID_METRIC_TYPE',
          message: `metric type "${String(metricType)}" is not counter, gauge, histogram or summary`,
        };
      }
      instrument = created;
      this.instruments.set(name, instrument);
    }
    switch (instrument.kind) {
      case 'counter':
        if (value < 0) {
          return {
            code: 'INVALID_METRIC_VALUE',
            message: `counter "${name}" cannot decrease (got ${value})`,
          };
        }
        instrument.counter.add(value, labels);
        break;
      case 'gauge':
        instrument.gauge.record(value, labels);
        break;
      case 'histogram':
        instrument.histogram.record(value, labels);
        break;
    }
    return undefined;
  }

  private create(name: string, kind: string): Instrument | undefined {
    switch (kind) {
      case 'counter':
        return { kind, counter: this.meter.createCounter(name) };
      case 'gauge':
        return { kind, gauge: this.meter.createGauge(name) };
      case 'histogram':
        return { kind, histogram: this.meter.createHistogram(name) };
      default:
        return undefined;
    }
  }
}

import type { ExemplarData, HrTime, Labels } from '@lexigram/monitor-core';
import type {
  NumberPoint,
  OtlpAttributes,
  OtlpMetric,
  OtlpMetricsBatch,
  PointBase,
} from './otlpMetricsModel.js';

/**
 * Encode a batch as an OTLP `ExportMetricsServiceRequest` in the OTLP/JSON mapping: lowerCamelCase
 * fields, enums as numbers, 64-bit integers as decimal strings, ids as hex.
 */
export function encodeMetricsJson(batch: OtlpMetricsBatch): Uint8Array {
  const request = {
    resourceMetrics: [
      {
        resource: { attributes: attributes(batch.resource) },
        scopeMetrics: [
          {
            scope: {
              name: batch.scope.name,
              ...(batch.scope.version ? { version: batch.scope.version } : {}),
            },
            metrics: batch.metrics.map(metric),
          },
        ],
      },
    ],
  };
  return Buffer.from(JSON.stringify(request), 'utf8');
}

function metric(m: OtlpMetric): Record<string, unknown> {
  const head = {
    name: m.name,
    ...(m.description ? { description: m.description } : {}),
    ...(m.unit ? { unit: m.unit } : {}),
  };
  switch (m.kind) {
    case 'gauge':
      return { ...head, gauge: { dataPoints: m.points.map(numberPoint) } };
    case 'sum':
      return {
        ...head,
        sum: {
          dataPoints: m.points.map(numberPoint),
          aggregationTemporality: m.temporality,
          isMonotonic: m.monotonic,
        },
      };
    case 'histogram':
      return {
        ...head,
        histogram: {
          aggregationTemporality: m.temporality,
          dataPoints: m.points.map((p) => ({
            ...pointTimes(p),
            count: String(p.count),
            sum: double(p.sum),
            bucketCounts: p.counts.map(String),
            explicitBounds: p.bounds.map(double),
            ...(p.exemplars?.length ? { exemplars: p.exemplars.map(exemplar) } : {}),
          })),
        },
      };
    case 'summary':
      return {
        ...head,
        summary: {
          dataPoints: m.points.map((p) => ({
            ...pointTimes(p),
            count: String(p.count),
            sum: double(p.sum),
            quantileValues: p.quantiles.map((q) => ({
              quantile: double(q.quantile),
              value: double(q.value),
            })),
          })),
        },
      };
  }
}

/** What every kind of data point starts with: its attributes, start and time. */
function pointTimes(p: PointBase): Record<string, unknown> {
  return {
    attributes: attributes(p.labels),
    startTimeUnixNano: nanos(p.start),
    timeUnixNano: nanos(p.time),
  };
}

function numberPoint(p: NumberPoint): Record<string, unknown> {
  return {
    ...pointTimes(p),
    asDouble: double(p.value),
    ...(p.exemplars?.length ? { exemplars: p.exemplars.map(exemplar) } : {}),
  };
}

function exemplar(e: ExemplarData): Record<string, unknown> {
  return {
    timeUnixNano: nanos(e.time),
    asDouble: double(e.value),
    ...(e.spanId ? { spanId: e.spanId } : {}),
    ...(e.traceId ? { traceId: e.traceId } : {}),
    ...(e.labels ? { filteredAttributes: attributes(e.labels) } : {}),
  };
}

function attributes(attrs: OtlpAttributes | Labels): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const key in attrs) {
    const value = attrs[key]!;
    out.push({
      key,
      value:
        typeof value === 'string'
          ? { stringValue: value }
          : typeof value === 'boolean'
            ? { boolValue: value }
            : Number.isInteger(value)
              ? { intValue: String(value) }
              : { doubleValue: double(value) },
    });
  }
  return out;
}

/** proto3 JSON writes non-finite doubles as the strings "NaN", "Infinity", "-Infinity". */
function double(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

function nanos(time: HrTime): string {
  return (BigInt(time[0]) * 1_000_000_000n + BigInt(time[1])).toString();
}

import type { ExemplarData, Labels } from '@lexigram/monitor-core';
import { ProtobufWriter } from '../encoding/protobufWriter.js';
import type {
  CountedPoint,
  HistogramPoint,
  NumberPoint,
  OtlpAttributes,
  OtlpMetric,
  OtlpMetricsBatch,
  PointBase,
  SummaryPoint,
} from './otlpMetricsModel.js';

/** The field of each kind of data in a `Metric` message. */
const DATA_FIELD = { gauge: 5, sum: 7, histogram: 9, summary: 11 } as const;

/**
 * Encode a batch as an OTLP `ExportMetricsServiceRequest` in protobuf. Field numbers are those of
 * `opentelemetry/proto/metrics/v1/metrics.proto`; the tests decode the output with
 * OpenTelemetry's generated classes.
 */
export function encodeMetricsProtobuf(batch: OtlpMetricsBatch): Uint8Array {
  const w = new ProtobufWriter();
  w.begin(1); // resource_metrics
  w.begin(1); // resource
  writeAttributes(w, 1, batch.resource);
  w.end();
  w.begin(2); // scope_metrics
  w.begin(1); // scope
  w.stringField(1, batch.scope.name);
  if (batch.scope.version) w.stringField(2, batch.scope.version);
  w.end();
  for (const metric of batch.metrics) {
    w.begin(2); // metrics
    w.stringField(1, metric.name);
    w.stringField(2, metric.description);
    w.stringField(3, metric.unit);
    w.begin(DATA_FIELD[metric.kind]); // gauge, sum, histogram or summary
    writeData(w, metric);
    w.end();
    w.end();
  }
  w.end();
  w.end();
  return w.finish();
}

/** The points of a metric, then the fields its kind adds after them. */
function writeData(w: ProtobufWriter, metric: OtlpMetric): void {
  switch (metric.kind) {
    case 'gauge':
      for (const p of metric.points) writeNumberPoint(w, p);
      return;
    case 'sum':
      for (const p of metric.points) writeNumberPoint(w, p);
      w.uintField(2, metric.temporality);
      w.boolField(3, metric.monotonic);
      return;
    case 'histogram':
      for (const p of metric.points) writeHistogramPoint(w, p);
      w.uintField(2, metric.temporality);
      return;
    case 'summary':
      for (const p of metric.points) writeSummaryPoint(w, p);
  }
}

function writeAttributes(
  w: ProtobufWriter,
  field: number,
  attributes: OtlpAttributes | Labels,
): void {
  for (const key in attributes) {
    const value = attributes[key]!;
    w.begin(field); // KeyValue
    w.stringField(1, key);
    w.begin(2); // AnyValue
    if (typeof value === 'string') {
      // An empty string is still a value: written even though proto3 would skip it.
      w.stringField(1, value, true);
    } else if (typeof value === 'boolean') {
      w.tag(2, 0);
      w.varint(value ? 1 : 0);
    } else if (Number.isInteger(value)) {
      w.int64Field(3, value, true);
    } else {
      w.doubleField(4, value);
    }
    w.end();
    w.end();
  }
}

/** Opens a data point and writes its start and time (fields 2 and 3 of every kind of point). */
function beginPoint(w: ProtobufWriter, p: PointBase): void {
  w.begin(1);
  w.timeField(2, p.start);
  w.timeField(3, p.time);
}

/** {@link beginPoint}, then count and sum (fields 4 and 5 of histogram and summary points). */
function beginCountedPoint(w: ProtobufWriter, p: CountedPoint): void {
  beginPoint(w, p);
  w.fixed64Field(4, p.count);
  w.doubleField(5, p.sum);
}

function writeNumberPoint(w: ProtobufWriter, p: NumberPoint): void {
  beginPoint(w, p);
  w.doubleField(4, p.value);
  if (p.exemplars) for (const e of p.exemplars) writeExemplar(w, 5, e);
  writeAttributes(w, 7, p.labels);
  w.end();
}

function writeHistogramPoint(w: ProtobufWriter, p: HistogramPoint): void {
  beginCountedPoint(w, p);
  w.begin(6); // bucket_counts, packed
  for (const c of p.counts) w.fixed64(c);
  w.end();
  if (p.bounds.length > 0) {
    w.begin(7); // explicit_bounds, packed
    for (const b of p.bounds) w.double(b);
    w.end();
  }
  if (p.exemplars) for (const e of p.exemplars) writeExemplar(w, 8, e);
  writeAttributes(w, 9, p.labels);
  w.end();
}

function writeSummaryPoint(w: ProtobufWriter, p: SummaryPoint): void {
  beginCountedPoint(w, p);
  for (const q of p.quantiles) {
    w.begin(6);
    w.doubleField(1, q.quantile);
    w.doubleField(2, q.value);
    w.end();
  }
  writeAttributes(w, 7, p.labels);
  w.end();
}

function writeExemplar(w: ProtobufWriter, field: number, e: ExemplarData): void {
  w.begin(field);
  w.timeField(2, e.time);
  w.doubleField(3, e.value);
  if (e.spanId) w.hexBytesField(4, e.spanId);
  if (e.traceId) w.hexBytesField(5, e.traceId);
  if (e.labels) writeAttributes(w, 7, e.labels);
  w.end();
}

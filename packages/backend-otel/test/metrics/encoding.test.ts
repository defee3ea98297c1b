import type { MetricFamily } from '@lexigram/monitor-core';
import { encodeMetricsJson } from '../../src/metrics/encodeMetricsJson.js';
import { encodeMetricsProtobuf } from '../../src/metrics/encodeMetricsProtobuf.js';
import { SnapshotToOtlp } from '../../src/metrics/snapshotToOtlp.js';
import { decodeProtobuf, normalize } from '../support/otlpReceiver.js';

/** proto3 JSON writes non-finite doubles as strings; the decoder gives numbers. */
function finite(value: any): any {
  if (Array.isArray(value)) return value.map(finite);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, finite(v)]));
  }
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

function decodeBoth(families: MetricFamily[], resource: Record<string, string | number | boolean>) {
  const batch = new SnapshotToOtlp({
    temporality: 'cumulative',
    resource,
    scope: { name: 'scope', version: '1.0.0' },
    startTime: [1700000000, 0],
  }).convert(families, [1700000001, 500]);
  const fromProto = decodeProtobuf('metrics', encodeMetricsProtobuf(batch));
  const fromJson = normalize(JSON.parse(Buffer.from(encodeMetricsJson(batch)).toString('utf8')));
  return { fromProto: finite(fromProto), fromJson };
}

describe('OTLP metrics encoding', () => {
  it('gives the same OTLP in protobuf and JSON, edge values included', () => {
    const families: MetricFamily[] = [
      {
        name: 'temperature',
        help: 'with ünïcödé help',
        unit: 'celsius',
        type: 'gauge',
        series: [
          { labels: { room: '' }, value: Number.NaN },
          { labels: { room: 'a' }, value: Number.POSITIVE_INFINITY },
          { labels: { room: 'b' }, value: -12.5 },
          { labels: { room: 'c' }, value: 0 },
        ],
      },
      {
        name: 'no_inf_bucket',
        help: '',
        unit: '',
        type: 'histogram',
        series: [
          {
            labels: {},
            buckets: [{ upperBound: 1, cumulativeCount: 2 }],
            count: 5,
            sum: 9,
          },
        ],
      },
    ];
    const { fromProto, fromJson } = decodeBoth(families, {
      'service.name': 'svc',
      negative: -42,
      big: 2 ** 40,
      zero: 0,
      flag: false,
      empty: '',
      ratio: 0.5,
    });
    expect(fromProto).toEqual(fromJson);
    const resource = Object.fromEntries(
      fromProto.resourceMetrics[0].resource.attributes.map((a: any) => [a.key, a.value]),
    );
    expect(resource).toEqual({
      'service.name': { stringValue: 'svc' },
      negative: { intValue: '-42' },
      big: { intValue: String(2 ** 40) },
      zero: { intValue: '0' },
      flag: { boolValue: false },
      empty: { stringValue: '' },
      ratio: { doubleValue: 0.5 },
    });
    const metrics = fromProto.resourceMetrics[0].scopeMetrics[0].metrics;
    expect(fromProto.resourceMetrics[0].scopeMetrics[0].scope).toEqual({
      name: 'scope',
      version: '1.0.0',
    });
    expect(metrics[0].gauge.dataPoints.map((p: any) => p.asDouble)).toEqual([
      'NaN',
      'Infinity',
      -12.5,
      0,
    ]);
    expect(metrics[0].gauge.dataPoints[0].startTimeUnixNano).toBe('1700000000000000000');
    expect(metrics[0].gauge.dataPoints[0].timeUnixNano).toBe('1700000001000000500');
    // the +Inf bucket is implied by the count
    expect(metrics[1].histogram.dataPoints[0].bucketCounts).toEqual(['2', '3']);
    expect(metrics[1].histogram.dataPoints[0].explicitBounds).toEqual([1]);
  });

  it('encodes large requests (multi-byte length prefixes) that decode intact', () => {
    const series = Array.from({ length: 5000 }, (_, i) => ({
      labels: { route: `/r/${i}`, status: String(200 + (i % 5)) },
      value: i,
    }));
    const { fromProto, fromJson } = decodeBoth(
      [{ name: 'requests_total', help: 'h', unit: '', type: 'counter', series }],
      { 'service.name': 'svc' },
    );
    expect(fromProto).toEqual(fromJson);
    const points = fromProto.resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints;
    expect(points).toHaveLength(5000);
    expect(points[4999].asDouble).toBe(4999);
    expect(points[4999].attributes[0].value.stringValue).toBe('/r/4999');
  });

  it('treats a counter that went down as reset in delta mode', () => {
    const converter = new SnapshotToOtlp({
      temporality: 'delta',
      resource: {},
      scope: { name: 's' },
    });
    const family = (value: number): MetricFamily[] => [
      { name: 'c', help: '', unit: '', type: 'counter', series: [{ labels: {}, value }] },
    ];
    const value = (families: MetricFamily[]) => {
      const m = converter.convert(families).metrics[0]!;
      return m.kind === 'sum' ? m.points[0]!.value : undefined;
    };
    expect(value(family(10))).toBe(10);
    expect(value(family(15))).toBe(5);
    expect(value(family(3))).toBe(3); // process restarted: the whole value is new
    expect(value(family(3))).toBe(0);
  });
});

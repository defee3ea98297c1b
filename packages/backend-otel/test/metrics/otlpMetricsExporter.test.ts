import type { MetricFamily } from '@lexigram/monitor-core';
import { OtlpMetricsExporter } from '../../src/metrics/otlpMetricsExporter.js';
import { makeCollector } from '../support/metrics.js';
import { useOtlpReceiver } from '../support/otlpReceiver.js';
import { counterFamily, histogramFamily, histogramSeries } from '@lexigram/test-support';

function metricsOf(body: Record<string, any>): Record<string, any> {
  const rm = body.resourceMetrics[0];
  return Object.fromEntries(rm.scopeMetrics[0].metrics.map((m: any) => [m.name, m]));
}

function attrs(list: any[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((a: any) => [a.key, Object.values(a.value)[0]]));
}

describe('OtlpMetricsExporter', () => {
  const receiver = useOtlpReceiver();

  it.each([
    ['http/protobuf', 'none'],
    ['http/protobuf', 'gzip'],
    ['http/json', 'none'],
    ['http/json', 'gzip'],
  ] as const)('sends every kind as %s with compression %s', async (protocol, compression) => {
    const { record, collect } = makeCollector();
    record();
    const exporter = new OtlpMetricsExporter({
      url: `${receiver.endpoint}/v1/metrics`,
      protocol,
      compression,
      serviceName: 'shop',
      resourceAttributes: { 'deployment.environment': 'test' },
      env: false,
    });
    await exporter.export(await collect());
    await exporter.shutdown();
    expect(receiver.requests).toHaveLength(1);
    const body = receiver.requests[0]!.body;
    expect(attrs(body.resourceMetrics[0].resource.attributes)).toMatchObject({
      'service.name': 'shop',
      'deployment.environment': 'test',
    });
    expect(body.resourceMetrics[0].scopeMetrics[0].scope.name).toBe('@lexigram/monitor-metrics');
    const m = metricsOf(body);

    const requests = m.http_requests_total;
    expect(requests.description).toBe('HTTP requests');
    expect(requests.sum.isMonotonic).toBe(true);
    expect(requests.sum.aggregationTemporality).toBe(2); // cumulative
    const points = requests.sum.dataPoints.map((p: any) => [attrs(p.attributes), p.asDouble]);
    expect(points).toEqual(
      expect.arrayContaining([
        [{ method: 'GET', status: '200' }, 2],
        [{ method: 'POST', status: '500' }, 1],
      ]),
    );

    expect(m.queue_depth.gauge.dataPoints[0].asDouble).toBe(7);

    const latency = m.latency_seconds;
    expect(latency.unit).toBe('s');
    expect(latency.histogram.aggregationTemporality).toBe(2);
    const hp = latency.histogram.dataPoints[0];
    expect(hp.explicitBounds).toEqual([0.1, 0.5, 1]);
    expect(hp.bucketCounts).toEqual(['1', '1', '0', '1']);
    expect(hp.count).toBe('3');
    expect(hp.sum).toBeCloseTo(3.35);
    expect(BigInt(hp.timeUnixNano)).toBeGreaterThanOrEqual(BigInt(hp.startTimeUnixNano));

    const sizes = m.payload_bytes.summary.dataPoints[0];
    expect(sizes.count).toBe('2');
    expect(sizes.sum).toBe(400);
    expect(sizes.quantileValues.map((q: any) => q.quantile)).toEqual([0.5, 0.9]);
    expect(sizes.quantileValues[0].value).toBeGreaterThanOrEqual(100);
    expect(sizes.quantileValues[1].value).toBeLessThanOrEqual(300);
    expect(exporter.stats()).toMatchObject({ exportedItems: 5, droppedItems: 0 });
  });

  it('sends deltas when asked, with each start at the previous export', async () => {
    const { record, collect } = makeCollector();
    const exporter = new OtlpMetricsExporter({
      url: `${receiver.endpoint}/v1/metrics`,
      temporality: 'delta',
      env: false,
    });
    record();
    await exporter.export(await collect());
    record();
    record();
    await exporter.export(await collect());
    await exporter.shutdown();
    const [first, second] = receiver.requests.map((r) => metricsOf(r.body));
    const get = (m: any) =>
      m.http_requests_total.sum.dataPoints.find((p: any) => attrs(p.attributes).method === 'GET');
    expect(first!.http_requests_total.sum.aggregationTemporality).toBe(1);
    expect(get(first).asDouble).toBe(2);
    expect(get(second).asDouble).toBe(4);
    expect(get(second).startTimeUnixNano).toBe(get(first).timeUnixNano);
    const h2 = second!.latency_seconds.histogram.dataPoints[0];
    expect(second!.latency_seconds.histogram.aggregationTemporality).toBe(1);
    expect(h2.count).toBe('6');
    expect(h2.bucketCounts).toEqual(['2', '2', '0', '2']);
    // gauges are not temporal
    expect(second!.queue_depth.gauge.dataPoints[0].asDouble).toBe(7);
  });

  it.each(['http/protobuf', 'http/json'] as const)(
    'sends exemplars with their trace (%s)',
    async (protocol) => {
      const traceId = '0af7651916cd43dd8448eb211c80319c';
      const spanId = 'b7ad6b7169203331';
      const families: MetricFamily[] = [
        histogramFamily(
          'latency',
          [
            {
              ...histogramSeries({ route: '/a' }, [1, Number.POSITIVE_INFINITY], [1, 1], 0.25),
              exemplars: [
                { value: 0.25, time: [1700000000, 5], traceId, spanId, labels: { user: 'u1' } },
              ],
            },
          ],
          { unit: 'seconds' },
        ),
        counterFamily('hits', [
          { labels: {}, value: 1, exemplars: [{ value: 1, time: [1700000000, 6] }] },
        ]),
      ];
      const exporter = new OtlpMetricsExporter({
        url: `${receiver.endpoint}/v1/metrics`,
        protocol,
        env: false,
      });
      await exporter.export(families);
      await exporter.shutdown();
      const m = metricsOf(receiver.requests[0]!.body);
      const ex = m.latency.histogram.dataPoints[0].exemplars[0];
      expect(ex).toEqual({
        timeUnixNano: '1700000000000000005',
        asDouble: 0.25,
        traceId,
        spanId,
        filteredAttributes: [{ key: 'user', value: { stringValue: 'u1' } }],
      });
      expect(m.hits.sum.dataPoints[0].exemplars[0]).toEqual({
        timeUnixNano: '1700000000000000006',
        asDouble: 1,
      });
    },
  );
});

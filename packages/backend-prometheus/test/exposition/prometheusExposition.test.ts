import type { MetricFamily, MonitorFault } from '@lexigram/monitor-core';
import { PrometheusExposition } from '../../src/exposition/prometheusExposition.js';
import { gaugeFamily, histogramFamily, histogramSeries } from '@lexigram/test-support';

const OM = 'application/openmetrics-text;version=1.0.0';

const families: MetricFamily[] = [
  {
    name: 'orders.created',
    help: 'Orders "placed"\nby channel \\ shop',
    unit: '',
    type: 'counter',
    series: [{ labels: { 'shop.channel': 'web "eu"\n\\' }, value: 3 }],
  },
  gaugeFamily('queue.depth', [
    { labels: {}, value: NaN },
    { labels: { q: 'hi' }, value: Infinity },
    { labels: { q: 'lo' }, value: -Infinity },
  ]),
  histogramFamily(
    'http.request.duration',
    [histogramSeries({ route: '/a' }, [0.1, 1, Infinity], [1, 2, 3], 2.55)],
    { help: 'Latency', unit: 'seconds' },
  ),
  {
    name: 'rpc_size',
    help: 'Sizes',
    unit: 'bytes',
    type: 'summary',
    series: [
      {
        labels: {},
        quantiles: [
          { quantile: 0.5, value: 10 },
          { quantile: 0.99, value: NaN },
        ],
        count: 2,
        sum: 20,
      },
    ],
  },
];

describe('PrometheusExposition', () => {
  const exposition = new PrometheusExposition({ sources: [{ collect: () => families }] });

  it('renders the Prometheus text format 0.0.4', async () => {
    expect(await exposition.render()).toBe(
      [
        '# HELP orders_created_total Orders "placed"\\nby channel \\\\ shop',
        '# TYPE orders_created_total counter',
        'orders_created_total{shop_channel="web \\"eu\\"\\n\\\\"} 3',
        '# TYPE queue_depth gauge',
        'queue_depth NaN',
        'queue_depth{q="hi"} +Inf',
        'queue_depth{q="lo"} -Inf',
        '# HELP http_request_duration_seconds Latency',
        '# TYPE http_request_duration_seconds histogram',
        'http_request_duration_seconds_bucket{route="/a",le="0.1"} 1',
        'http_request_duration_seconds_bucket{route="/a",le="1"} 2',
        'http_request_duration_seconds_bucket{route="/a",le="+Inf"} 3',
        'http_request_duration_seconds_sum{route="/a"} 2.55',
        'http_request_duration_seconds_count{route="/a"} 3',
        '# HELP rpc_size_bytes Sizes',
        '# TYPE rpc_size_bytes summary',
        'rpc_size_bytes{quantile="0.5"} 10',
        'rpc_size_bytes{quantile="0.99"} NaN',
        'rpc_size_bytes_sum 20',
        'rpc_size_bytes_count 2',
        '',
      ].join('\n'),
    );
  });

  it('renders OpenMetrics 1.0 with family names, UNIT and # EOF', async () => {
    const text = await exposition.render(OM);
    expect(text).toContain('# HELP orders_created Orders \\"placed\\"\\nby channel \\\\ shop\n');
    expect(text).toContain('# TYPE orders_created counter\norders_created_total{');
    expect(text).toContain(
      '# TYPE http_request_duration_seconds histogram\n# UNIT http_request_duration_seconds seconds\n',
    );
    expect(text).toContain('# UNIT rpc_size_bytes bytes\n');
    expect(text.endsWith('rpc_size_bytes_count 2\n# EOF\n')).toBe(true);
  });

  it('spells a UCUM unit out in the name and the UNIT line (s → seconds)', async () => {
    const timed = histogramFamily(
      'shop.checkout.duration',
      [histogramSeries({}, [Infinity], [1], 0.03)],
      { unit: 's' },
    );
    const e = new PrometheusExposition({ sources: [{ collect: () => [timed] }] });
    const om = await e.render(OM);
    expect(om).toContain(
      '# TYPE shop_checkout_duration_seconds histogram\n# UNIT shop_checkout_duration_seconds seconds\n',
    );
    expect(await e.render()).toContain('shop_checkout_duration_seconds_count 1\n');
  });

  it('writes exemplars only when enabled and only in OpenMetrics', async () => {
    const series = histogramSeries({}, [0.5, Infinity], [1, 1], 0.3);
    const exemplar = { labels: { trace_id: 'abc' }, value: 0.3, timestampMs: 1500 };
    const [first, inf] = series.buckets;
    const withExemplar = histogramFamily(
      'latency',
      [{ ...series, buckets: [{ ...first!, exemplar } as never, inf!] }],
      { unit: 'seconds' },
    );
    const on = new PrometheusExposition({
      sources: [{ collect: () => [withExemplar] }],
      exemplars: true,
    });
    expect(await on.render(OM)).toContain(
      'latency_seconds_bucket{le="0.5"} 1 # {trace_id="abc"} 0.3 1.5\n',
    );
    expect(await on.render()).not.toContain('trace_id');
    const off = new PrometheusExposition({ sources: [{ collect: () => [withExemplar] }] });
    expect(await off.render(OM)).not.toContain('trace_id');
  });

  it('streams bounded chunks that add up to the whole exposition', async () => {
    const many = gaugeFamily(
      'big',
      Array.from({ length: 5000 }, (_, i) => ({ labels: { id: String(i) }, value: i })),
    );
    const small = new PrometheusExposition({
      sources: [{ collect: () => [many] }],
      chunkSize: 4096,
    });
    const chunks: string[] = [];
    for await (const chunk of small.stream()) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(4096 * 1.25 + 64);
    expect(chunks.join('')).toBe(await small.render());
    expect(chunks.join('')).toContain('big{id="4999"} 4999\n');
  });

  it('leaves out a failing source and a duplicate family, reporting both', async () => {
    const faults: MonitorFault[] = [];
    const dup: MetricFamily = {
      name: 'queue_depth',
      help: '',
      unit: '',
      type: 'gauge',
      series: [],
    };
    const e = new PrometheusExposition({
      sources: [
        { collect: () => families },
        {
          collect: () => {
            throw new Error('boom');
          },
        },
        { collect: () => [dup] },
      ],
      onError: (f) => faults.push(f),
    });
    const text = await e.render();
    expect(text.match(/# TYPE queue_depth gauge/g)).toHaveLength(1);
    expect(faults.map((f) => f.code).sort()).toEqual([
      'EXPOSITION_DUPLICATE_FAMILY',
      'EXPOSITION_SOURCE_FAILED',
    ]);
  });
});

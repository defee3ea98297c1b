import { escapeLabelValue, formatFamily, labelText, num } from '../../src/export/formatFamily.js';
import { histogramFamily, histogramSeries } from '@lexigram/test-support';

describe('formatFamily', () => {
  it('writes counters and gauges one line per series with a header', () => {
    expect(
      formatFamily({
        name: 'req_total',
        help: 'Requests',
        unit: '',
        type: 'counter',
        series: [
          { labels: { method: 'GET' }, value: 3 },
          { labels: {}, value: 0.123456789 },
        ],
      }),
    ).toEqual(['# counter req_total: Requests', 'req_total{method="GET"} 3', 'req_total 0.123457']);
  });

  it('writes histograms and summaries compactly', () => {
    expect(
      formatFamily(
        histogramFamily('lat', [histogramSeries({ r: '/' }, [0.1, Infinity], [1, 2], 1.5)], {
          unit: 'seconds',
        }),
      ),
    ).toEqual(['# histogram lat (seconds)', 'lat{r="/"} count=2 sum=1.5 le(0.1)=1 le(+Inf)=2']);
    expect(
      formatFamily({
        name: 's',
        help: 'h',
        unit: '',
        type: 'summary',
        series: [{ labels: {}, quantiles: [{ quantile: 0.5, value: NaN }], count: 0, sum: 0 }],
      }),
    ).toEqual(['# summary s: h', 's count=0 sum=0 q(0.5)=NaN']);
  });

  it('escapes label values as the Prometheus text format does', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    expect(labelText({ a: 'x"y', b: 'ü' })).toBe('{a="x\\"y",b="ü"}');
    expect(num(-Infinity)).toBe('-Inf');
    expect(num(1e21)).toBe('1e+21');
  });
});

import {
  escapeHelp,
  escapeLabelValue,
  formatValue,
  prometheusFamilyName,
  sanitizeLabelName,
  sanitizeMetricName,
} from '../../src/exposition/prometheusName.js';

describe('Prometheus names', () => {
  it('maps dots and every other invalid character to _', () => {
    expect(sanitizeMetricName('http.request.duration')).toBe('http_request_duration');
    expect(sanitizeMetricName('a-b c/d:e')).toBe('a_b_c_d:e');
    expect(sanitizeMetricName('9lives')).toBe('_9lives');
    expect(sanitizeMetricName('ünï')).toBe('_n_');
    expect(sanitizeLabelName('http.method')).toBe('http_method');
    expect(sanitizeLabelName('a:b')).toBe('a_b');
  });

  it('adds unit suffixes when missing and strips _total from counter family names', () => {
    expect(prometheusFamilyName('http.request.duration', 'seconds', 'histogram')).toBe(
      'http_request_duration_seconds',
    );
    expect(prometheusFamilyName('payload_bytes', 'bytes', 'histogram')).toBe('payload_bytes');
    expect(prometheusFamilyName('orders.created', '', 'counter')).toBe('orders_created');
    expect(prometheusFamilyName('orders_total', '', 'counter')).toBe('orders');
    expect(prometheusFamilyName('cpu_total', 'seconds', 'counter')).toBe('cpu_seconds');
    expect(prometheusFamilyName('up_total', '', 'gauge')).toBe('up_total');
  });

  it('escapes label values and HELP per format', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(escapeLabelValue('plain')).toBe('plain');
    expect(escapeHelp('say "hi"\\\n', false)).toBe('say "hi"\\\\\\n');
    expect(escapeHelp('say "hi"', true)).toBe('say \\"hi\\"');
  });

  it('writes NaN and infinities as the formats say', () => {
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(Infinity)).toBe('+Inf');
    expect(formatValue(-Infinity)).toBe('-Inf');
    expect(formatValue(0.25)).toBe('0.25');
    expect(formatValue(1e21)).toBe('1e+21');
  });
});

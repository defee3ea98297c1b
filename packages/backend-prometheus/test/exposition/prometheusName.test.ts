import {
  escapeHelp,
  escapeLabelValue,
  formatValue,
  prometheusFamilyName,
  prometheusUnit,
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

  it('gives an empty name a single _ and a leading digit (0 to 9 only) a _ in front', () => {
    expect(sanitizeMetricName('')).toBe('_');
    expect(sanitizeLabelName('')).toBe('_');
    expect(sanitizeMetricName('0x')).toBe('_0x');
    expect(sanitizeLabelName('0x')).toBe('_0x');
    expect(sanitizeLabelName('9x')).toBe('_9x');
    expect(sanitizeMetricName(':x')).toBe(':x');
    expect(sanitizeLabelName('x9')).toBe('x9');
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
    // A name that is only `_total` keeps it: stripping would leave nothing.
    expect(prometheusFamilyName('_total', '', 'counter')).toBe('_total');
    expect(prometheusFamilyName('a_total', '', 'counter')).toBe('a');
  });

  it('spells UCUM units out as the OpenTelemetry Prometheus rules do', () => {
    expect(prometheusFamilyName('http.server.request.duration', 's', 'histogram')).toBe(
      'http_server_request_duration_seconds',
    );
    expect(prometheusFamilyName('rpc.latency', 'ms', 'histogram')).toBe('rpc_latency_milliseconds');
    expect(prometheusFamilyName('http.server.request.body.size', 'By', 'histogram')).toBe(
      'http_server_request_body_size_bytes',
    );
    expect(prometheusFamilyName('already_seconds', 's', 'histogram')).toBe('already_seconds');
    expect(prometheusUnit('')).toBe('');
    expect(prometheusUnit('Cel')).toBe('celsius');
    // Not a UCUM abbreviation we know: kept as written, sanitized.
    expect(prometheusUnit('requests')).toBe('requests');
    expect(prometheusUnit('x.y')).toBe('x_y');
  });

  it('escapes label values and HELP per format', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(escapeLabelValue('plain')).toBe('plain');
    expect(escapeHelp('say "hi"\\\n', false)).toBe('say "hi"\\\\\\n');
    expect(escapeHelp('say "hi"', true)).toBe('say \\"hi\\"');
    // Each character alone is enough to escape.
    expect(escapeLabelValue('a"b')).toBe('a\\"b');
    expect(escapeLabelValue('a\nb')).toBe('a\\nb');
    expect(escapeLabelValue('a\\b')).toBe('a\\\\b');
    expect(escapeHelp('a\nb', false)).toBe('a\\nb');
    expect(escapeHelp('a\\b', false)).toBe('a\\\\b');
    expect(escapeHelp('a"b', false)).toBe('a"b');
  });

  it('writes NaN and infinities as the formats say', () => {
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(Infinity)).toBe('+Inf');
    expect(formatValue(-Infinity)).toBe('-Inf');
    expect(formatValue(0.25)).toBe('0.25');
    expect(formatValue(1e21)).toBe('1e+21');
  });
});

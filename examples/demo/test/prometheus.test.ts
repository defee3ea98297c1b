import { runDemo } from './support/runDemo.js';

describe('examples/demo: prometheus section', () => {
  it('serves /metrics with the collector, recordMetric and default metrics', () => {
    const out = runDemo('prometheus');
    expect(out).toContain('=== prometheus: /metrics in text 0.0.4 and OpenMetrics ===');
    expect(out).toMatch(/serving http:\/\/127\.0\.0\.1:\d+\/metrics/);
    expect(out).toContain('orders_created_total{channel="web"} 2');
    expect(out).toContain('checkout_duration_seconds_bucket{le="0.1"} 1');
    expect(out).toContain('checkout_duration_seconds_bucket{le="0.5"} 2');
    expect(out).toContain('checkout_duration_seconds_count 3');
    expect(out).toMatch(/default metrics: [1-9]\d* nodejs_\* families/);
    expect(out).toContain(
      'OpenMetrics: application/openmetrics-text; version=1.0.0; charset=utf-8, ends with "# EOF\\n"',
    );
  });
});

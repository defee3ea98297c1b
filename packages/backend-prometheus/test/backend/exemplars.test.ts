import { Tracer } from '@lexigram/monitor-tracing';
import { PrometheusBackend } from '../../src/backend/prometheusBackend.js';

const OM = 'application/openmetrics-text;version=1.0.0';

describe('exemplars', () => {
  it('keeps the sampled span trace id as the exemplar of the bucket, latest wins', async () => {
    const tracer = new Tracer({ serviceName: 'shop' });
    const backend = new PrometheusBackend({
      serve: false,
      enableDefaultMetrics: false,
      env: false,
      exemplars: true,
      tracer,
      config: { metrics: { histogramBuckets: [0.1, 1] } },
    });
    let first = '';
    let second = '';
    tracer.startActiveSpan('a', (span) => {
      first = span.spanContext().traceId;
      backend.recordMetric('latency_seconds', 0.05, 'histogram');
      span.end();
    });
    tracer.startActiveSpan('b', (span) => {
      second = span.spanContext().traceId;
      backend.recordMetric('latency_seconds', 0.07, 'histogram');
      backend.recordMetric('latency_seconds', 0.5, 'histogram');
      span.end();
    });
    backend.recordMetric('latency_seconds', 5, 'histogram'); // outside any span: no exemplar
    expect(first).not.toBe(second);
    const text = await backend.render(OM);
    expect(text).toMatch(
      new RegExp(
        `latency_seconds_bucket\\{le="0.1"\\} 2 # \\{trace_id="${second}",span_id="[0-9a-f]{16}"\\} 0.07 \\d+(\\.\\d+)?\\n`,
      ),
    );
    expect(text).toMatch(
      new RegExp(`latency_seconds_bucket\\{le="1"\\} 3 # \\{trace_id="${second}",`),
    );
    expect(text).toMatch(/latency_seconds_bucket\{le="\+Inf"\} 4\n/);
    expect(await backend.render()).not.toContain('trace_id');
  });

  it('records no exemplar for an unsampled span or when exemplars are off', async () => {
    const unsampled = new Tracer({ serviceName: 'shop', config: { samplerType: 'always_off' } });
    const on = new PrometheusBackend({
      serve: false,
      enableDefaultMetrics: false,
      env: false,
      exemplars: true,
      tracer: unsampled,
    });
    unsampled.startActiveSpan('a', (span) => {
      on.recordMetric('lat_seconds', 0.2, 'histogram');
      span.end();
    });
    expect(await on.render(OM)).not.toContain('trace_id');

    const tracer = new Tracer({ serviceName: 'shop' });
    const off = new PrometheusBackend({
      serve: false,
      enableDefaultMetrics: false,
      env: false,
      tracer,
    });
    tracer.startActiveSpan('a', (span) => {
      off.recordMetric('lat_seconds', 0.2, 'histogram');
      span.end();
    });
    expect(await off.render(OM)).not.toContain('trace_id');
  });
});

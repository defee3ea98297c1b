import fc from 'fast-check';
import { InvalidMetricError, ObservabilityService } from '@lexigram/monitor-core';
import { MetricsCollector } from '../../src/collector/metricsCollector.js';
import { Counter } from '../../src/instruments/counter.js';
import {
  prometheusMetricName,
  validateLabelName,
  validateMetricName,
} from '../../src/validation/names.js';

const segment = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const dotted = fc
  .array(segment, { minLength: 2, maxLength: 5 })
  .chain((parts) => fc.constantFrom('.', '-', '/').map((sep) => parts.join(sep)));

describe('dotted metric names are accepted everywhere', () => {
  it("the reference's names, through the facade and the collector, stored as given", async () => {
    const meter = new MetricsCollector();
    const obs = new ObservabilityService({ meter });
    obs.counter('orders.created').increment();
    obs.histogram('http.request.duration').record(0.03);
    await obs.timer('checkout.duration', async () => 'done');
    const names = (await meter.collect()).map((f) => f.name).sort();
    expect(names).toEqual(['checkout.duration', 'http.request.duration', 'orders.created']);
  });

  it('any dotted name: accepted by every entry point and kept verbatim', async () => {
    await fc.assert(
      fc.asyncProperty(dotted, async (name) => {
        expect(() => validateMetricName(name)).not.toThrow();
        const meter = new MetricsCollector();
        meter.createCounter(name).inc();
        meter.registerMetric(new Counter(`${name}.other`, ''));
        const families = await meter.collect();
        expect(families.map((f) => f.name)).toEqual([name, `${name}.other`]);
        expect(prometheusMetricName(name)).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/);
      }),
      { numRuns: 100 },
    );
  });

  it('two names that map to the same Prometheus name: the second is an error', () => {
    fc.assert(
      fc.property(dotted, (name) => {
        const meter = new MetricsCollector();
        meter.createCounter(name);
        const twin = prometheusMetricName(name);
        if (twin === name) return;
        expect(() => meter.createCounter(twin)).toThrow(InvalidMetricError);
        expect(() => meter.createCounter(twin)).toThrow(/exposed to Prometheus as/);
        // The same name again is still the same metric.
        expect(meter.createCounter(name)).toBe(meter.createCounter(name));
      }),
      { numRuns: 100 },
    );
    const meter = new MetricsCollector();
    meter.createHistogram('http.request.duration');
    expect(() => meter.createGauge('http-request-duration')).toThrow(/http_request_duration/);
  });

  it('still rejects names no format can hold', () => {
    for (const bad of ['', '1abc', 'a b', 'a{b}', 'é', '.leading']) {
      expect(() => validateMetricName(bad)).toThrow(InvalidMetricError);
    }
  });
});

describe('dotted label names (OpenTelemetry attribute names)', () => {
  it('are accepted, stored as given and recorded per series', async () => {
    const meter = new MetricsCollector();
    const histogram = meter.createHistogram('http.server.request.duration', '', {
      labelNames: ['http.request.method', 'http.route'],
    });
    histogram.observe(0.2, { 'http.request.method': 'GET', 'http.route': '/users/:id' });
    const [family] = await meter.collect();
    expect(family!.series[0]!.labels).toEqual({
      'http.request.method': 'GET',
      'http.route': '/users/:id',
    });
  });

  it('two names one Prometheus label apart, or a reserved name behind dots, are errors', () => {
    expect(() => new Counter('c', '', { labelNames: ['http.route', 'http_route'] })).toThrow(
      /"http_route" appears twice.*'\.' and '_' count as one/,
    );
    expect(() => new Counter('c', '', { labels: { 'a.b': '1' }, labelNames: ['a_b'] })).toThrow(
      /either constant or per observation/,
    );
    expect(() => validateLabelName('m', '_.name')).toThrow(/reserved/);
    expect(() => validateLabelName('m', '.a')).toThrow(/Invalid label name "\.a"/);
    expect(() => validateLabelName('m', 'a-b')).toThrow(/'_' and '\.' only/);
  });
});

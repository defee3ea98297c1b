import { BackendRegistry, loadConfig, type MonitorFault } from '@lexigram/monitor-core';
import { metrics as otelMetrics } from '@opentelemetry/api';
import { monitorBackends } from '../../src/backend/backendHandler.js';
import { OpenTelemetryBackend } from '../../src/backend/openTelemetryBackend.js';
import { useOtlpReceiver } from '../support/otlpReceiver.js';

function attrs(list: any[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((a: any) => [a.key, Object.values(a.value)[0]]));
}

describe('OpenTelemetryBackend', () => {
  const receiver = useOtlpReceiver();
  let faults: MonitorFault[];
  beforeEach(() => {
    faults = [];
  });

  function backend(extra: Partial<ConstructorParameters<typeof OpenTelemetryBackend>[0]> = {}) {
    return new OpenTelemetryBackend({
      serviceName: 'checkout',
      serviceVersion: '2.0.0',
      endpoint: receiver.endpoint,
      config: { exportIntervalMs: 3_600_000 },
      env: {},
      retry: { initialBackoffMs: 10, maxBackoffMs: 50 },
      onError: (fault) => faults.push(fault),
      ...extra,
    });
  }

  it('exports spans and metrics through NodeSDK with detected resource attributes', async () => {
    const saved = process.env.OTEL_RESOURCE_ATTRIBUTES;
    process.env.OTEL_RESOURCE_ATTRIBUTES = 'deployment.environment=test,team=payments';
    const b = backend();
    try {
      await b.initialize();
    } finally {
      if (saved === undefined) delete process.env.OTEL_RESOURCE_ATTRIBUTES;
      else process.env.OTEL_RESOURCE_ATTRIBUTES = saved;
    }
    const parent = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
      isRemote: true,
    };
    const span = b.createSpan('GET /orders', parent);
    span.setAttribute('http.route', '/orders').setAttribute('bad', { nested: true });
    span.addEvent('cache.miss', { key: 'k' });
    span.setStatus('error', 'boom');
    expect(span.attributes).toEqual({ 'http.route': '/orders' });
    span.end();
    expect(span.ended).toBe(true);

    b.recordMetric('orders_total', 2, 'counter', { region: 'eu' });
    b.recordMetric('orders_total', 3, 'counter', { region: 'eu' });
    b.recordMetric('queue_depth', 5, 'gauge');
    b.recordMetric('latency', 0.2, 'histogram');
    b.recordMetric('size', 10, 'summary');
    await b.forceFlush();
    await b.shutdown();

    const traces = receiver.accepted('traces');
    expect(traces).toHaveLength(1);
    const rs = traces[0]!.body.resourceSpans[0];
    const resource = attrs(rs.resource.attributes);
    expect(resource).toMatchObject({
      'service.name': 'checkout',
      'service.version': '2.0.0',
      'deployment.environment': 'test',
      team: 'payments',
      'process.pid': String(process.pid),
      'telemetry.sdk.language': 'nodejs',
    });
    expect(typeof resource['service.instance.id']).toBe('string');
    expect(typeof resource['host.name']).toBe('string');
    const out = rs.scopeSpans[0].spans[0];
    expect(out).toMatchObject({
      name: 'GET /orders',
      traceId: parent.traceId,
      parentSpanId: parent.spanId,
      status: { code: 2, message: 'boom' },
    });
    expect(out.events[0].name).toBe('cache.miss');

    const metricsBodies = receiver.accepted('metrics');
    expect(metricsBodies.length).toBeGreaterThanOrEqual(1);
    const all = metricsBodies.flatMap((r) =>
      r.body.resourceMetrics.flatMap((m: any) => m.scopeMetrics.flatMap((s: any) => s.metrics)),
    );
    const byName = Object.fromEntries(all.map((m: any) => [m.name, m]));
    expect(byName.orders_total.sum.dataPoints[0].asDouble).toBe(5);
    expect(attrs(byName.orders_total.sum.dataPoints[0].attributes)).toEqual({ region: 'eu' });
    expect(byName.queue_depth.gauge.dataPoints[0].asDouble).toBe(5);
    expect(byName.latency.histogram.dataPoints[0].count).toBe('1');
    expect(byName.size.histogram.dataPoints[0].sum).toBe(10);
    expect(faults).toEqual([]);
  });

  it('reports bad recordings instead of throwing', async () => {
    const b = backend();
    b.recordMetric('early', 1, 'counter');
    await b.initialize();
    b.recordMetric('c', -1, 'counter');
    b.recordMetric('c', Number.NaN, 'counter');
    b.recordMetric('c', 1, 'counter');
    b.recordMetric('c', 1, 'gauge');
    await b.shutdown();
    expect(faults.map((f) => f.code)).toEqual([
      'OTEL_NOT_INITIALIZED',
      'INVALID_METRIC_VALUE',
      'INVALID_METRIC_VALUE',
      'METRIC_TYPE_CONFLICT',
    ]);
  });

  it('shutdown returns by its deadline against a hung collector', async () => {
    receiver.failAlways({ kind: 'hang' });
    const b = backend({
      shutdownTimeoutMs: 300,
      config: { timeoutMs: 60_000, exportIntervalMs: 3_600_000 },
    });
    await b.initialize();
    b.createSpan('stuck').end();
    const started = Date.now();
    await b.shutdown();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(faults.map((f) => f.code)).toContain('OTEL_SHUTDOWN_TIMEOUT');
    // the global providers were released, so another backend can start
    expect(otelMetrics.getMeterProvider().constructor.name).not.toBe('MeterProvider');
  });

  it('is created by core backend discovery from monitorBackends', async () => {
    const registry = BackendRegistry.withDefaults();
    for (const handler of monitorBackends) registry.register(handler);
    const created = registry.createBackend(
      loadConfig(
        { backendType: 'opentelemetry', opentelemetry: { endpoint: receiver.endpoint } },
        { env: false },
      ),
    );
    expect(created).toBeInstanceOf(OpenTelemetryBackend);
  });
});

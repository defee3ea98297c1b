import { join } from 'node:path';
import { MonitorConfigError } from '@lexigram/monitor-core';
import {
  MetricsCollector,
  MetricsExporterRegistry,
  PeriodicMetricsExporter,
} from '@lexigram/monitor-metrics';
import { Tracer, TracingExporterRegistry } from '@lexigram/monitor-tracing';
import { getMetricsExporter } from '../../src/config/getMetricsExporter.js';
import { registerOtlpExporters } from '../../src/handlers/registerOtlpExporters.js';
import { OTLPMetricsExporterHandler } from '../../src/handlers/otlpMetricsExporterHandler.js';
import { OTLPTracingExporterHandler } from '../../src/handlers/otlpTracingExporterHandler.js';
import { OtlpMetricsExporter } from '../../src/metrics/otlpMetricsExporter.js';
import { OtlpSpanExporter } from '../../src/spans/otlpSpanExporter.js';
import { useOtlpReceiver } from '../support/otlpReceiver.js';

describe('otlp exporter handlers', () => {
  const receiver = useOtlpReceiver();

  it('handle exactly "otlp"', () => {
    for (const handler of [new OTLPTracingExporterHandler(), new OTLPMetricsExporterHandler()]) {
      expect(handler.canHandle('otlp')).toBe(true);
      expect(handler.canHandle('console')).toBe(false);
      expect(handler.canHandle('OTLP')).toBe(false);
    }
  });

  it('registered by hand, make exporterType "otlp" work in the tracing and metrics registries', async () => {
    const tracing = TracingExporterRegistry.withDefaults({ discover: false });
    const metrics = MetricsExporterRegistry.withDefaults({ discover: false });
    expect(tracing.canHandle('otlp')).toBe(false);
    registerOtlpExporters({ tracing, metrics });

    const spanExporter = tracing.createExporter({
      type: 'otlp',
      endpoint: receiver.endpoint,
      protocol: 'http/json',
      headers: { 'x-tenant': 't1' },
    });
    expect(spanExporter).toBeInstanceOf(OtlpSpanExporter);
    const tracer = new Tracer({ serviceName: 'svc', exporter: spanExporter!, trackLeaks: false });
    tracer.startSpan('hello', { parent: null }).end();
    await tracer.shutdown();

    const metricsExporter = metrics.createExporter({
      type: 'otlp',
      endpoint: receiver.endpoint,
      temporality: 'delta',
    });
    expect(metricsExporter).toBeInstanceOf(OtlpMetricsExporter);
    const collector = new MetricsCollector();
    collector.createCounter('hits_total', 'Hits').inc(3);
    const loop = new PeriodicMetricsExporter({ producer: collector, exporter: metricsExporter! });
    await loop.stop(); // one last export, then shutdown

    const traces = receiver.accepted('traces');
    expect(traces).toHaveLength(1);
    expect(traces[0]!.contentType).toBe('application/json');
    expect(traces[0]!.headers['x-tenant']).toBe('t1');
    expect(traces[0]!.body.resourceSpans[0].scopeSpans[0].spans[0].name).toBe('hello');
    const m = receiver.accepted('metrics')[0]!.body.resourceMetrics[0].scopeMetrics[0].metrics[0];
    expect(m.name).toBe('hits_total');
    expect(m.sum.aggregationTemporality).toBe(1);
    expect(m.sum.dataPoints[0].asDouble).toBe(3);
  });

  it('are found by the registries with nothing registered, where the application resolves this package', async () => {
    // The workspace stands in for an application that has the package installed; the packed
    // install is tested in installedDiscovery.test.ts.
    const paths = [join(__dirname, '..', '..')];
    const tracing = TracingExporterRegistry.withDefaults({ paths });
    const spanExporter = tracing.createExporter({ type: 'otlp', endpoint: receiver.endpoint });
    expect(spanExporter).toBeInstanceOf(OtlpSpanExporter);
    expect(tracing.list()).toHaveLength(3);
    const tracer = new Tracer({ serviceName: 'svc', exporter: spanExporter!, trackLeaks: false });
    tracer.startSpan('found', { parent: null }).end();
    await tracer.shutdown();
    expect(receiver.accepted('traces')[0]!.body.resourceSpans[0].scopeSpans[0].spans[0].name).toBe(
      'found',
    );
    const metricsExporter = MetricsExporterRegistry.withDefaults({ paths }).createExporter({
      type: 'otlp',
      endpoint: receiver.endpoint,
    });
    expect(metricsExporter).toBeInstanceOf(OtlpMetricsExporter);
    await metricsExporter!.shutdown();
  });

  it('reject unknown and mistyped config fields by name', () => {
    const handler = new OTLPTracingExporterHandler();
    expect(() => handler.create({ type: 'otlp', endpiont: 'x' } as never)).toThrow(
      MonitorConfigError,
    );
    expect(() => handler.create({ type: 'otlp', endpiont: 'x' } as never)).toThrow(
      /endpiont: unknown field/,
    );
    expect(() =>
      new OTLPMetricsExporterHandler().create({ type: 'otlp', temporality: 'weekly' } as never),
    ).toThrow(/temporality: must be "cumulative" or "delta"/);
  });
});

describe('getMetricsExporter', () => {
  it('gives an OTLP exporter for the opentelemetry backend, null otherwise', async () => {
    const exporter = getMetricsExporter({
      backendType: 'opentelemetry',
      opentelemetry: { endpoint: 'http://collector:4318', compression: 'gzip', insecure: true },
    });
    expect(exporter).toBeInstanceOf(OtlpMetricsExporter);
    expect(exporter!.options).toMatchObject({ compression: 'gzip' });
    expect(exporter!.options.url).toMatch(/\/v1\/metrics$/);
    await exporter!.shutdown();
    expect(getMetricsExporter({ backendType: 'memory' })).toBeNull();
  });
});

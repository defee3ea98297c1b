import { ObservabilityService } from '@lexigram/monitor-core';
import { InMemorySpanExporter } from '../../src/export/inMemorySpanExporter.js';
import { InMemoryTraceProvider } from '../../src/provider/inMemoryTraceProvider.js';

describe('InMemoryTraceProvider', () => {
  it('keeps spans, bounded by maxSpans', () => {
    const provider = new InMemoryTraceProvider('svc', 2);
    expect(provider.tracer.serviceName).toBe('svc');
    provider.startActiveSpan('a', () => provider.startSpan('b').end());
    provider.startSpan('c').end();
    expect(provider.getAllSpans().map((s) => s.name)).toEqual(['b', 'c']);
    provider.clear();
    expect(provider.getAllSpans()).toEqual([]);
  });

  it('defaults its service name and exports through a given exporter immediately', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new InMemoryTraceProvider({ exporter, config: { maxAttributes: 1 } });
    expect(provider.tracer.serviceName).toBe('lexigram-service');
    provider.startActiveSpan('x', { attributes: { a: 1, b: 2 } }, () => {});
    expect(exporter.getFinishedSpans()[0]?.attributes).toEqual({ a: 1 });
    await provider.shutdown();
  });

  it('sets and reads the current span', async () => {
    const provider = new InMemoryTraceProvider();
    const span = provider.startSpan('manual');
    await (async () => {
      provider.setCurrentSpan(span);
      await Promise.resolve();
      expect(provider.getCurrentSpan()).toBe(span);
      const carrier: Record<string, string> = {};
      provider.injectContext(carrier);
      expect(provider.extractContext(carrier)?.spanId).toBe(span.spanContext().spanId);
      provider.setCurrentSpan(null);
      expect(provider.getCurrentSpan()).toBeUndefined();
    })();
  });

  it('serves as the tracer of an ObservabilityService', () => {
    const provider = new InMemoryTraceProvider();
    const obs = new ObservabilityService({ tracer: provider });
    obs.span('via-facade', () => undefined);
    expect(provider.getAllSpans().map((s) => s.name)).toEqual(['via-facade']);
  });
});

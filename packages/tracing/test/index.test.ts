import * as tracing from '../src/index.js';

describe('public entry', () => {
  it('exports the API by name', () => {
    const expected = [
      'Tracer',
      'InMemoryTraceProvider',
      'Span',
      'NonRecordingSpan',
      'ReadableSpanView',
      'SpanContext',
      'Propagator',
      'TraceState',
      'Baggage',
      'parseTraceparent',
      'formatTraceparent',
      'extractB3Single',
      'extractB3Multi',
      'AlwaysOnSampler',
      'AlwaysOffSampler',
      'TraceIdRatioSampler',
      'ParentBasedSampler',
      'RateLimitingSampler',
      'createSampler',
      'SimpleSpanProcessor',
      'BatchSpanProcessor',
      'ConsoleSpanExporter',
      'InMemorySpanExporter',
      'TracingExporterRegistry',
      'ConsoleTracingExporterHandler',
      'SpanExportError',
      'traced',
      'tracePublish',
      'traceConsume',
      'injectTraceContext',
      'instrumentDatabase',
      'traceLogMixin',
      'activeTraceIds',
      'runInSpan',
      'activeSpan',
      'activeBaggage',
    ];
    for (const name of expected) expect(tracing).toHaveProperty(name);
    for (const [name, value] of Object.entries(tracing))
      expect([name, value]).not.toEqual([name, undefined]);
  });

  it('works end to end through the entry point', async () => {
    const exporter = new tracing.InMemorySpanExporter();
    const tracer = new tracing.Tracer({ serviceName: 'entry', exporter });
    tracer.startActiveSpan('work', (span) => span.setAttribute('k', 'v'));
    await tracer.forceFlush();
    expect(exporter.getFinishedSpans()[0]).toMatchObject({ name: 'work', attributes: { k: 'v' } });
    await tracer.shutdown();
    expect(tracer.getAllSpans().map((s) => s.name)).toEqual(['work']);
    expect(String(tracing.TraceState.parse('a=1'))).toBe('a=1');
    expect(String(new tracing.Baggage().set('a', 'b c'))).toBe('a=b%20c');
  });
});

import { InMemorySpanExporter } from '../../src/export/inMemorySpanExporter.js';
import { Tracer } from '../../src/tracer/tracer.js';

describe('InMemorySpanExporter', () => {
  it('keeps the most recent spans up to maxSpans, and can be reset', async () => {
    const exporter = new InMemorySpanExporter({ maxSpans: 3 });
    const tracer = new Tracer({ exporter, processor: 'simple', trackLeaks: false });
    for (let i = 0; i < 5; i++) tracer.startSpan(`s${i}`).end();
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['s2', 's3', 's4']);
    exporter.reset();
    expect(exporter.getFinishedSpans()).toEqual([]);
    tracer.startSpan('x').end();
    await exporter.shutdown();
    expect(exporter.getFinishedSpans()).toEqual([]);
    tracer.startSpan('after').end();
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});

import type { MonitorFault } from '@lexigram/monitor-core';
import { SpanExportError } from '@lexigram/monitor-core';
import { SimpleSpanProcessor } from '../../src/processing/simpleSpanProcessor.js';
import { Tracer } from '../../src/tracer/tracer.js';
import { ScriptedExporter } from '../support/exporters.js';

function setup(timeoutMs = 30_000) {
  const exporter = new ScriptedExporter();
  const errors: unknown[] = [];
  const faults: MonitorFault[] = [];
  const processor = new SimpleSpanProcessor(exporter, {
    exportTimeoutMs: timeoutMs,
    onError: (fault) => {
      faults.push(fault);
      errors.push(fault.error);
    },
  });
  const tracer = new Tracer({ processor, trackLeaks: false });
  return { exporter, errors, faults, processor, tracer };
}

describe('SimpleSpanProcessor', () => {
  it('exports each span as it ends', () => {
    const { exporter, tracer, processor } = setup();
    tracer.startSpan('a').end();
    expect(exporter.batches).toEqual([['a']]);
    tracer.startSpan('b').end();
    expect(exporter.batches).toEqual([['a'], ['b']]);
    expect(processor.stats()).toMatchObject({ exportedSpans: 2, queuedSpans: 0 });
  });

  it('waits for async exports on forceFlush', async () => {
    const { exporter, tracer, processor } = setup();
    exporter.mode = 'slow';
    tracer.startSpan('a').end();
    expect(exporter.batches).toEqual([]);
    expect(processor.stats().queuedSpans).toBe(1);
    await processor.forceFlush();
    expect(exporter.batches).toEqual([['a']]);
    expect(processor.stats()).toMatchObject({ exportedSpans: 1, queuedSpans: 0 });
  });

  it.each(['throw', 'reject', 'hang'] as const)('contains an exporter that %ss', async (mode) => {
    const { exporter, tracer, processor, errors } = setup(30);
    exporter.mode = mode;
    expect(() => tracer.startSpan('a').end()).not.toThrow();
    await processor.forceFlush();
    expect(processor.stats()).toMatchObject({ failedExports: 1, failedSpans: 1 });
    expect(errors[0]).toBeInstanceOf(SpanExportError);
  });

  it('drops and counts spans while too many exports are under way', async () => {
    const exporter = new ScriptedExporter();
    exporter.mode = 'slow';
    const processor = new SimpleSpanProcessor(exporter, { maxPendingExports: 2 });
    const tracer = new Tracer({ processor, trackLeaks: false });
    for (const name of ['a', 'b', 'c']) tracer.startSpan(name).end();
    expect(processor.stats()).toMatchObject({ droppedSpans: 1, queuedSpans: 2 });
    await processor.forceFlush();
    expect(exporter.names).toEqual(['a', 'b']);
  });

  it('shuts down once and drops later spans', async () => {
    const { exporter, tracer, processor } = setup();
    await Promise.all([processor.shutdown(), processor.shutdown()]);
    expect(exporter.shutdownCalls).toBe(1);
    tracer.startSpan('late').end();
    expect(exporter.batches).toEqual([]);
    expect(processor.stats().droppedSpans).toBe(1);
  });

  it('reports a failing exporter shutdown instead of throwing', async () => {
    const { exporter, processor, errors } = setup();
    exporter.shutdown = async () => {
      throw new Error('shutdown failed');
    };
    await expect(processor.shutdown()).resolves.toBeUndefined();
    expect(String(errors[0])).toMatch(/shutdown failed/);
  });
});

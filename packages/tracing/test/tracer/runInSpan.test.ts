import { setImmediate as immediate } from 'node:timers/promises';
import { SpanStatus } from '@lexigram/monitor-core';
import type { Span } from '../../src/span/span.js';
import { memoryTracer } from '../support/tracing.js';

describe('startActiveSpan / runInSpan', () => {
  it('makes the span active for sync work and ends it', () => {
    const { tracer, exporter } = memoryTracer();
    const result = tracer.startActiveSpan('sync', (span) => {
      expect(tracer.getCurrentSpan()).toBe(span);
      return 7;
    });
    expect(result).toBe(7);
    expect(tracer.getCurrentSpan()).toBeUndefined();
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['sync']);
  });

  it('keeps the span active across awaits and ends it when the promise settles', async () => {
    const { tracer, exporter } = memoryTracer();
    let span: Span | undefined;
    const pending = tracer.startActiveSpan('async', async (s) => {
      span = s as Span;
      await immediate();
      expect(tracer.getCurrentSpan()).toBe(s);
      return tracer.startActiveSpan('child', async () => {
        await immediate();
        return 'done';
      });
    });
    expect(span!.ended).toBe(false);
    await expect(pending).resolves.toBe('done');
    expect(span!.ended).toBe(true);
    const [child, parent] = exporter.getFinishedSpans();
    expect(child!.parentSpanId).toBe(parent!.spanContext.spanId);
  });

  it('records a throw, sets status error, ends the span and rethrows', () => {
    const { tracer, exporter } = memoryTracer();
    const error = new Error('sync failure');
    expect(() =>
      tracer.startActiveSpan('fails', () => {
        throw error;
      }),
    ).toThrow(error);
    const [span] = exporter.getFinishedSpans();
    expect(span!.status).toEqual({ code: SpanStatus.Error, message: 'sync failure' });
    expect(span!.events[0]).toMatchObject({
      name: 'exception',
      attributes: { 'exception.message': 'sync failure' },
    });
  });

  it('records a rejection the same way', async () => {
    const { tracer, exporter } = memoryTracer();
    await expect(
      tracer.startActiveSpan('rejects', { attributes: { a: 1 } }, async () => {
        await immediate();
        throw new RangeError('async failure');
      }),
    ).rejects.toThrow('async failure');
    const [span] = exporter.getFinishedSpans();
    expect(span!.status.code).toBe(SpanStatus.Error);
    expect(span!.events[0]!.attributes['exception.type']).toBe('RangeError');
    expect(span!.attributes).toEqual({ a: 1 });
  });

  it('treats thenables as promises', async () => {
    const { tracer, exporter } = memoryTracer();
    const thenable = { then: (resolve: (v: number) => void) => setImmediate(() => resolve(5)) };
    await expect(tracer.startActiveSpan('thenable', () => thenable)).resolves.toBe(5);
    expect(exporter.getFinishedSpans()).toHaveLength(1);
  });
});

import { SpanStatus, hrTimeDuration } from '@lexigram/monitor-core';
import { memoryTracer, recordingSpan } from '../support/tracing.js';

describe('ReadableSpanView', () => {
  it('shows a finished span as core ReadableSpanData and serializes to a plain object', () => {
    const { tracer, exporter } = memoryTracer();
    const parent = recordingSpan(tracer, 'parent');
    const link = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 };
    const child = tracer.startSpan('child', {
      parent,
      attributes: { k: 'v' },
      links: [{ context: link, attributes: { why: 'retry' } }],
    });
    child.addEvent('e').setStatus(SpanStatus.Error, 'bad').end();
    const [readable] = exporter.getFinishedSpans();
    expect(readable).toMatchObject({
      name: 'child',
      kind: 'internal',
      parentSpanId: parent.spanContext().spanId,
      attributes: { k: 'v' },
      status: { code: 'error', message: 'bad' },
      links: [{ context: link, attributes: { why: 'retry' } }],
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
      ended: true,
    });
    expect(readable!.spanContext).toBe(child.spanContext());
    expect(readable!.duration).toEqual(hrTimeDuration(readable!.startTime, readable!.endTime));
    const json = JSON.parse(JSON.stringify(readable));
    expect(json.name).toBe('child');
    expect(json.spanContext.traceId).toBe(parent.spanContext().traceId);
    expect(json.events[0].name).toBe('e');
    expect(json.resource.serviceName).toBe('test-service');
  });
});

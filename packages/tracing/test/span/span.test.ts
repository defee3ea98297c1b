import { SpanKind, SpanStatus, hrTimeToMillis } from '@lexigram/monitor-core';
import { type Span } from '../../src/span/span.js';
import { memoryTracer, recordingSpan } from '../support/tracing.js';

describe('Span attributes', () => {
  it('keeps valid values, updates existing keys and copies arrays', () => {
    const { tracer } = memoryTracer();
    const span = recordingSpan(tracer);
    const tags = ['a', 'b'];
    span.setAttribute('http.method', 'GET').setAttribute('ok', true).setAttribute('tags', tags);
    span.setAttributes({ 'http.status_code': 200, 'http.method': 'POST' });
    tags.push('c');
    expect(span.attributes).toEqual({
      'http.method': 'POST',
      ok: true,
      tags: ['a', 'b'],
      'http.status_code': 200,
    });
    expect(Object.keys(span.attributes)).toEqual(['http.method', 'ok', 'tags', 'http.status_code']);
    expect(span.droppedAttributesCount).toBe(0);
  });

  it('drops and counts values of unsupported types, never throwing', () => {
    const { tracer } = memoryTracer();
    const span = recordingSpan(tracer);
    for (const value of [{ a: 1 }, null, undefined, () => 1, Symbol('s'), 10n, [1, 'x'], [null]]) {
      expect(() => span.setAttribute('bad', value)).not.toThrow();
    }
    span.setAttribute('__proto__', 'x');
    expect(span.attributes).toEqual({});
    expect(span.droppedAttributesCount).toBe(9);
  });

  it('treats keys named like Object.prototype members as ordinary keys', () => {
    const { tracer } = memoryTracer({ maxAttributes: 2 });
    const span = recordingSpan(tracer);
    span.setAttribute('constructor', 'c').setAttribute('toString', 't').setAttribute('x', 1);
    expect(span.attributes).toEqual({ constructor: 'c', toString: 't' });
    expect(span.droppedAttributesCount).toBe(1);
  });

  it('caps attributes at maxAttributes, still allowing updates', () => {
    const { tracer } = memoryTracer({ maxAttributes: 3 });
    const span = recordingSpan(tracer);
    for (let i = 0; i < 5; i++) span.setAttribute(`k${i}`, i);
    span.setAttribute('k0', 'updated');
    expect(span.attributes).toEqual({ k0: 'updated', k1: 1, k2: 2 });
    expect(span.droppedAttributesCount).toBe(2);
  });

  it('handles many attributes (past the point where lookups use an index)', () => {
    const { tracer } = memoryTracer();
    const span = recordingSpan(tracer);
    for (let i = 0; i < 140; i++) span.setAttribute(`k${i}`, i);
    for (let i = 0; i < 140; i++) span.setAttribute(`k${i}`, i * 2);
    const attributes = span.attributes;
    expect(Object.keys(attributes)).toHaveLength(128);
    expect(attributes.k0).toBe(0);
    expect(attributes.k127).toBe(254);
    expect(span.droppedAttributesCount).toBe(24);
  });
});

describe('Span events and exceptions', () => {
  it('records events with time and sanitized attributes, capped at maxEvents', () => {
    const { tracer } = memoryTracer({ maxEvents: 2, maxAttributes: 1 });
    const span = recordingSpan(tracer);
    const before = Date.now();
    span.addEvent('first', { a: 1, b: 2, bad: {} });
    span.addEvent('second', undefined, 1_700_000_000_000);
    span.addEvent('third');
    expect(span.events.map((e) => e.name)).toEqual(['first', 'second']);
    expect(span.events[0]!.attributes).toEqual({ a: 1 });
    expect(hrTimeToMillis(span.events[0]!.time)).toBeGreaterThanOrEqual(before - 1);
    expect(span.events[1]!.time).toEqual([1_700_000_000, 0]);
    expect(span.droppedEventsCount).toBe(1);
  });

  it('records exceptions as exception events', () => {
    const { tracer } = memoryTracer();
    const span = recordingSpan(tracer);
    span.recordException(new TypeError('bad input'), { 'app.step': 'parse' });
    span.recordException('plain string');
    const [first, second] = span.events;
    expect(first!.name).toBe('exception');
    expect(first!.attributes).toMatchObject({
      'exception.type': 'TypeError',
      'exception.message': 'bad input',
      'app.step': 'parse',
    });
    expect(first!.attributes['exception.stacktrace']).toContain('TypeError: bad input');
    expect(second!.attributes).toEqual({
      'exception.type': 'string',
      'exception.message': 'plain string',
    });
  });
});

describe('Span status, name and end', () => {
  it('keeps a message only with error, and treats ok as final', () => {
    const { tracer } = memoryTracer();
    const span = recordingSpan(tracer);
    expect(span.status).toEqual({ code: SpanStatus.Unset });
    span.setStatus(SpanStatus.Error, 'boom');
    expect(span.status).toEqual({ code: SpanStatus.Error, message: 'boom' });
    span.setStatus(SpanStatus.Unset);
    expect(span.status.code).toBe(SpanStatus.Error);
    span.setStatus(SpanStatus.Ok, 'ignored');
    expect(span.status).toEqual({ code: SpanStatus.Ok });
    span.setStatus(SpanStatus.Error, 'later');
    expect(span.status).toEqual({ code: SpanStatus.Ok });
  });

  it('ends once: later calls and mutations do nothing, and it is exported once', () => {
    const { tracer, exporter } = memoryTracer();
    const span = recordingSpan(tracer, 'first-name');
    span.updateName('renamed');
    expect(span.isRecording()).toBe(true);
    span.end();
    const endTime = span.endTime;
    span.end();
    span.finish();
    span.setAttribute('late', 1).addEvent('late').setStatus(SpanStatus.Error).updateName('late');
    expect(span.ended).toBe(true);
    expect(span.isRecording()).toBe(false);
    expect(span.endTime).toEqual(endTime);
    expect(span.name).toBe('renamed');
    expect(span.attributes).toEqual({});
    expect(span.events).toEqual([]);
    expect(span.status.code).toBe(SpanStatus.Unset);
    expect(exporter.getFinishedSpans()).toHaveLength(1);
  });

  it('measures its duration', () => {
    jest.useFakeTimers(); // spans read the (faked) monotonic clock
    try {
      const { tracer } = memoryTracer();
      const span = recordingSpan(tracer);
      jest.advanceTimersByTime(25);
      expect(span.durationMs).toBeCloseTo(25, 6);
      span.end();
      const ms = span.durationMs;
      expect(ms).toBeCloseTo(25, 6);
      expect(hrTimeToMillis(span.duration)).toBeCloseTo(ms, 3);
      expect(hrTimeToMillis(span.endTime) - hrTimeToMillis(span.startTime)).toBeCloseTo(ms, 1);
      jest.advanceTimersByTime(5);
      expect(span.durationMs).toBe(ms);
    } finally {
      jest.useRealTimers();
    }
  });

  it('uses given start and end times exactly, and clamps an end before the start', () => {
    const { tracer } = memoryTracer();
    const span = tracer.startSpan('timed', { startTime: [1_700_000_000, 123_456_789] }) as Span;
    span.end([1_700_000_001, 500]);
    expect(span.startTime).toEqual([1_700_000_000, 123_456_789]);
    expect(span.endTime).toEqual([1_700_000_001, 500]);
    expect(span.duration).toEqual([0, 876_543_711]);

    const ms = tracer.startSpan('epoch', { startTime: 1_700_000_000_500 }) as Span;
    ms.end(1_700_000_000_000);
    expect(ms.startTime).toEqual([1_700_000_000, 500_000_000]);
    expect(ms.durationMs).toBe(0);
  });

  it('ends at scope exit with `using`', () => {
    const { tracer, exporter } = memoryTracer();
    let inner: Span | undefined;
    {
      using span = recordingSpan(tracer, 'scoped');
      inner = span;
      expect(span.ended).toBe(false);
    }
    expect(inner.ended).toBe(true);
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['scoped']);
  });

  it('exposes kind, resource and scope', () => {
    const { tracer } = memoryTracer({}, { resourceAttributes: { 'service.version': '1.2.3' } });
    const span = tracer.startSpan('x', { kind: SpanKind.Server }) as Span;
    expect(span.kind).toBe('server');
    expect(span.resource).toEqual({
      serviceName: 'test-service',
      attributes: { 'service.version': '1.2.3', 'service.name': 'test-service' },
    });
    expect(span.instrumentationScope.name).toBe('@lexigram/monitor-tracing');
  });
});

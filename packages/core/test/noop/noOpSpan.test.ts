import {
  INVALID_SPAN_CONTEXT,
  NOOP_SPAN,
  NoOpSpan,
  NoOpTracer,
  NOOP_TRACER,
} from '@lexigram/monitor-core';

describe('NoOpSpan', () => {
  it('keeps valid attributes for tests and ignores the rest', () => {
    const span = new NoOpSpan('work', { attributes: { a: 1 } });
    span
      .setAttribute('b', 'x')
      .setAttribute('bad', { nested: true })
      .setAttributes({ c: [1, 2] });
    span.addEvent('e').recordException(new Error('x')).setStatus('error', 'm').updateName('z');
    expect(span.attributes).toEqual({ a: 1, b: 'x', c: [1, 2] });
    expect(span.name).toBe('work');
    expect(span.isRecording()).toBe(false);
    expect(span.spanContext()).toBe(INVALID_SPAN_CONTEXT);
  });

  it('ends without side effects, works with using, and ignores attributes after end', () => {
    const span = new NoOpSpan();
    {
      using s = span;
      s.setAttribute('k', 1);
    }
    expect(span.ended).toBe(true);
    span.setAttribute('late', 2);
    expect(span.attributes).toEqual({ k: 1 });
  });

  it('bounds kept attributes at 128', () => {
    const span = new NoOpSpan();
    for (let i = 0; i < 500; i++) span.setAttribute(`k${i}`, i);
    expect(Object.keys(span.attributes)).toHaveLength(128);
    span.setAttribute('k0', 'updated');
    expect(span.attributes.k0).toBe('updated');
  });

  it('the shared span keeps nothing and never ends', () => {
    NOOP_SPAN.setAttribute('x', 1);
    NOOP_SPAN.end();
    expect(NOOP_SPAN.attributes).toEqual({});
    expect(NOOP_SPAN.ended).toBe(false);
  });
});

describe('NoOpTracer', () => {
  it('hands out the shared span by default (no allocation per span)', () => {
    expect(NOOP_TRACER.startSpan('a')).toBe(NOOP_SPAN);
    expect(NOOP_TRACER.startSpan('b', { attributes: { x: 1 } })).toBe(NOOP_SPAN);
    expect(NOOP_TRACER.getCurrentSpan()).toBeUndefined();
    expect(
      NOOP_TRACER.extractContext({
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      }),
    ).toBeUndefined();
    const carrier: Record<string, string> = {};
    NOOP_TRACER.injectContext(carrier);
    expect(carrier).toEqual({});
  });

  it('keepAttributes gives fresh spans holding their attributes', () => {
    const tracer = new NoOpTracer({ keepAttributes: true });
    const span = tracer.startSpan('a', { attributes: { user: 'u1' } });
    expect(span).not.toBe(NOOP_SPAN);
    expect(span.attributes).toEqual({ user: 'u1' });
  });

  it('startActiveSpan runs the callback and returns its value', async () => {
    expect(NOOP_TRACER.startActiveSpan('s', (span) => (span === NOOP_SPAN ? 42 : 0))).toBe(42);
    await expect(NOOP_TRACER.startActiveSpan('s', {}, async () => 'async')).resolves.toBe('async');
  });
});

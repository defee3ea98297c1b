import { SpanStatus } from '@lexigram/monitor-core';
import { NonRecordingSpan } from '../../src/span/nonRecordingSpan.js';

describe('NonRecordingSpan', () => {
  it('records nothing and reports it', () => {
    const span = new NonRecordingSpan('op', 'a'.repeat(32), 0);
    span
      .setAttribute('k', 1)
      .setAttributes({ a: 1 })
      .addEvent('e')
      .recordException(new Error('x'))
      .setStatus(SpanStatus.Error)
      .updateName('renamed');
    expect(span.isRecording()).toBe(false);
    expect(span.attributes).toEqual({});
    expect(span.name).toBe('op');
    span.end();
    expect(span.ended).toBe(true);
  });

  it('draws its span id once, when its context is read', () => {
    const span = new NonRecordingSpan('op', 'a'.repeat(32), 2, 'k=v');
    const ctx = span.spanContext();
    expect(ctx).toMatchObject({ traceId: 'a'.repeat(32), traceFlags: 2, traceState: 'k=v' });
    expect(ctx.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(span.spanContext()).toBe(ctx);
  });

  it('draws a trace id for a new trace, and wraps a given context as it is', () => {
    const root = new NonRecordingSpan('root', undefined, 2);
    expect(root.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    const remote = {
      traceId: 'c'.repeat(32),
      spanId: 'd'.repeat(16),
      traceFlags: 1,
      isRemote: true,
    };
    expect(NonRecordingSpan.wrap(remote).spanContext()).toBe(remote);
  });

  it('ends with finish() and `using`', () => {
    const a = new NonRecordingSpan('a', undefined, 0);
    a.finish();
    expect(a.ended).toBe(true);
    let b: NonRecordingSpan | undefined;
    {
      using scoped = new NonRecordingSpan('b', undefined, 0);
      b = scoped;
    }
    expect(b.ended).toBe(true);
  });
});

import fc from 'fast-check';
import { SpanError } from '@lexigram/monitor-core';
import { SpanContext } from '../../src/context/spanContext.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('SpanContext', () => {
  it('parses a traceparent with its tracestate into a remote context', () => {
    const ctx = SpanContext.fromTraceparent(`00-${TRACE}-${SPAN}-03`, 'congo=t61rcWkgMzE')!;
    expect(ctx).toBeInstanceOf(SpanContext);
    expect(ctx).toMatchObject({ traceId: TRACE, spanId: SPAN, traceFlags: 3, isRemote: true });
    expect(ctx.traceState).toBe('congo=t61rcWkgMzE');
    expect(ctx.sampled).toBe(true);
    expect(ctx.randomTraceId).toBe(true);
    expect(ctx.toTraceparent()).toBe(`00-${TRACE}-${SPAN}-03`);
    expect(String(ctx)).toBe(`00-${TRACE}-${SPAN}-03`);
  });

  it('returns undefined for an invalid traceparent, and never throws', () => {
    expect(SpanContext.fromTraceparent(`ff-${TRACE}-${SPAN}-01`)).toBeUndefined();
    expect(SpanContext.fromTraceparent(undefined)).toBeUndefined();
    expect(SpanContext.fromTraceparent(null)).toBeUndefined();
    expect(SpanContext.fromTraceparent(42 as unknown as string)).toBeUndefined();
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        SpanContext.fromTraceparent(a as string, b as string);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the traceparent when only the tracestate is invalid', () => {
    const ctx = SpanContext.fromTraceparent(`00-${TRACE}-${SPAN}-01`, 'BAD=1')!;
    expect(ctx.traceId).toBe(TRACE);
    expect(ctx.traceState).toBeUndefined();
  });

  it('validates on construction with errors that say what is expected', () => {
    expect(() => new SpanContext('xyz', SPAN)).toThrow(SpanError);
    expect(() => new SpanContext(TRACE, '0'.repeat(16))).toThrow(/16 lowercase hex/);
    expect(() => new SpanContext(TRACE, SPAN, 256)).toThrow(/0 to 255/);
    const ctx = new SpanContext(TRACE, SPAN, 1);
    expect(ctx.isRemote).toBe(false);
    expect(SpanContext.isValid(ctx)).toBe(true);
    expect(SpanContext.isValid({ traceId: '0'.repeat(32), spanId: SPAN, traceFlags: 0 })).toBe(
      false,
    );
    expect(SpanContext.isValid(undefined)).toBe(false);
  });

  it('converts plain span context data and swaps trace state', () => {
    const ctx = SpanContext.from({ traceId: TRACE, spanId: SPAN, traceFlags: 1, isRemote: true });
    expect(ctx.isRemote).toBe(true);
    expect(SpanContext.from(ctx)).toBe(ctx);
    expect(ctx.withTraceState('a=1').traceState).toBe('a=1');
    expect(ctx.withTraceState(undefined).traceState).toBeUndefined();
  });
});

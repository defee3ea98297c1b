import fc from 'fast-check';
import { INVALID_SPAN_CONTEXT, type SpanContextData } from '@lexigram/monitor-core';
import { Baggage } from '../../src/propagation/baggage.js';
import { Propagator } from '../../src/propagation/propagator.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
const ctx: SpanContextData = { traceId: TRACE, spanId: SPAN, traceFlags: 1, traceState: 'rojo=1' };

describe('Propagator', () => {
  it('writes W3C headers and baggage by default', () => {
    const carrier: Record<string, string> = {};
    new Propagator().inject(carrier, ctx, new Baggage().set('tenant', 'acme'));
    expect(carrier).toEqual({
      traceparent: `00-${TRACE}-${SPAN}-01`,
      tracestate: 'rojo=1',
      baggage: 'tenant=acme',
    });
  });

  it('writes only the configured formats', () => {
    const carrier: Record<string, string> = {};
    const propagator = new Propagator(['b3', 'b3multi']);
    propagator.inject(carrier, ctx, new Baggage().set('tenant', 'acme'));
    expect(carrier).toEqual({
      b3: `${TRACE}-${SPAN}-1`,
      'x-b3-traceid': TRACE,
      'x-b3-spanid': SPAN,
      'x-b3-sampled': '1',
    });
    expect(propagator.fields).toEqual(['b3', 'x-b3-traceid', 'x-b3-spanid', 'x-b3-sampled']);
  });

  it('writes nothing for an invalid context', () => {
    const carrier: Record<string, string> = {};
    new Propagator(['tracecontext', 'b3']).inject(carrier, INVALID_SPAN_CONTEXT);
    new Propagator().inject(carrier, undefined);
    expect(carrier).toEqual({});
  });

  it('extracts W3C context with tracestate from several fields, in any header case', () => {
    const extracted = new Propagator().extract({
      TraceParent: `00-${TRACE}-${SPAN}-01`,
      tracestate: ['foo=1', 'bar=2'],
    });
    expect(extracted).toMatchObject({
      traceId: TRACE,
      spanId: SPAN,
      traceFlags: 1,
      traceState: 'foo=1,bar=2',
      isRemote: true,
    });
  });

  it('treats a duplicated traceparent as invalid and inherits a tracestate with a repeated key', () => {
    const propagator = new Propagator();
    expect(
      propagator.extract({ traceparent: [`00-${TRACE}-${SPAN}-01`, `00-${TRACE}-${SPAN}-01`] }),
    ).toBeUndefined();
    expect(
      propagator.extract({ traceparent: `00-${TRACE}-${SPAN}-01`, tracestate: 'foo=1,foo=2' }),
    ).toMatchObject({ traceId: TRACE, traceState: 'foo=1' });
    expect(
      propagator.extract({ traceparent: `00-${TRACE}-${SPAN}-01`, tracestate: 'foo=1,FOO=2' }),
    ).toMatchObject({ traceId: TRACE, traceState: undefined });
  });

  it('tries formats in the configured order', () => {
    const carrier = {
      traceparent: `00-${TRACE}-${SPAN}-01`,
      b3: `${'a'.repeat(32)}-${'b'.repeat(16)}-0`,
    };
    expect(new Propagator(['b3', 'tracecontext']).extract(carrier)?.traceId).toBe('a'.repeat(32));
    expect(new Propagator(['tracecontext', 'b3']).extract(carrier)?.traceId).toBe(TRACE);
    expect(new Propagator(['b3']).extract({ traceparent: carrier.traceparent })).toBeUndefined();
    expect(new Propagator(['tracecontext', 'b3']).extract({ b3: carrier.b3 })?.spanId).toBe(
      'b'.repeat(16),
    );
  });

  it('extracts baggage only when the format is configured', () => {
    const carrier = { baggage: 'a=1,b=2' };
    expect(new Propagator().extractBaggage(carrier).get('b')).toBe('2');
    expect(new Propagator(['tracecontext']).extractBaggage(carrier).size).toBe(0);
  });

  it('never throws on random header values and only returns valid contexts', () => {
    const propagator = new Propagator(['tracecontext', 'b3', 'b3multi', 'baggage']);
    const value = fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.string({ maxLength: 60 })));
    fc.assert(
      fc.property(
        fc.record({
          traceparent: value,
          tracestate: value,
          b3: value,
          'x-b3-traceid': value,
          'x-b3-spanid': value,
          baggage: value,
        }),
        (carrier) => {
          const extracted = propagator.extract(carrier);
          propagator.extractBaggage(carrier);
          if (extracted) {
            expect(extracted.traceId).toMatch(/^[0-9a-f]{32}$/);
            expect(extracted.spanId).toMatch(/^[0-9a-f]{16}$/);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

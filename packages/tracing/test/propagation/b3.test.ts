import {
  extractB3Multi,
  extractB3Single,
  injectB3Multi,
  injectB3Single,
} from '../../src/propagation/b3.js';

const TRACE = '80f198ee56343ba864fe8b2a57d3eff7';
const SPAN = 'e457b5a2e4d86bd1';
const PARENT = '05e3ac9a4f6e3b90';

describe('B3 single header', () => {
  it('reads trace id, span id and sampling state', () => {
    expect(extractB3Single({ b3: `${TRACE}-${SPAN}-1-${PARENT}` })).toEqual({
      traceId: TRACE,
      spanId: SPAN,
      traceFlags: 1,
      isRemote: true,
    });
    expect(extractB3Single({ b3: `${TRACE}-${SPAN}-d` })?.traceFlags).toBe(1);
    expect(extractB3Single({ b3: `${TRACE}-${SPAN}-0` })?.traceFlags).toBe(0);
    expect(extractB3Single({ b3: `${TRACE}-${SPAN}` })?.traceFlags).toBe(0);
  });

  it('pads a 64-bit trace id to 128 bits', () => {
    expect(extractB3Single({ b3: `64fe8b2a57d3eff7-${SPAN}-1` })?.traceId).toBe(
      '000000000000000064fe8b2a57d3eff7',
    );
  });

  it.each([
    ['0'],
    ['1'],
    [`${TRACE}-${SPAN}-x`],
    [`${TRACE}`],
    [`${TRACE.toUpperCase()}-${SPAN}-1`],
    [`${TRACE}-${SPAN}-1-zz`],
    // Each breaks one rule: a fifth field, a bad span id, a bad 128-bit trace id.
    [`${TRACE}-${SPAN}-1-${PARENT}-x`],
    [`${TRACE}-${SPAN.slice(1)}-1`],
    [`${TRACE.slice(1)}-${SPAN}-1`],
    [''],
    ['   '],
  ])('ignores %j', (b3) => {
    expect(extractB3Single({ b3 })).toBeUndefined();
  });

  it('ignores spaces around the header', () => {
    expect(extractB3Single({ b3: `  ${TRACE}-${SPAN}-1 \t` })).toEqual({
      traceId: TRACE,
      spanId: SPAN,
      traceFlags: 1,
      isRemote: true,
    });
  });

  it('writes the single header with its sampling state', () => {
    const carrier: Record<string, string> = {};
    injectB3Single(carrier, { traceId: TRACE, spanId: SPAN, traceFlags: 3 });
    expect(carrier).toEqual({ b3: `${TRACE}-${SPAN}-1` });
    // An unsampled context must not force sampling downstream.
    injectB3Single(carrier, { traceId: TRACE, spanId: SPAN, traceFlags: 2 });
    expect(carrier).toEqual({ b3: `${TRACE}-${SPAN}-0` });
  });
});

describe('B3 multi headers', () => {
  it('reads the X-B3 headers in any case', () => {
    expect(
      extractB3Multi({ 'X-B3-TraceId': TRACE, 'X-B3-SpanId': SPAN, 'X-B3-Sampled': '1' }),
    ).toEqual({ traceId: TRACE, spanId: SPAN, traceFlags: 1, isRemote: true });
    expect(
      extractB3Multi({ 'x-b3-traceid': TRACE, 'x-b3-spanid': SPAN, 'x-b3-flags': '1' })?.traceFlags,
    ).toBe(1);
    expect(
      extractB3Multi({ 'x-b3-traceid': TRACE, 'x-b3-spanid': SPAN, 'x-b3-sampled': 'true' })
        ?.traceFlags,
    ).toBe(1);
    expect(
      extractB3Multi({ 'x-b3-traceid': TRACE, 'x-b3-spanid': SPAN, 'x-b3-sampled': '0' })
        ?.traceFlags,
    ).toBe(0);
  });

  it('ignores spaces around every header value', () => {
    expect(
      extractB3Multi({
        'x-b3-traceid': ` ${TRACE} `,
        'x-b3-spanid': `\t${SPAN} `,
        'x-b3-sampled': ' TRUE ',
      }),
    ).toEqual({ traceId: TRACE, spanId: SPAN, traceFlags: 1, isRemote: true });
    expect(
      extractB3Multi({ 'x-b3-traceid': TRACE, 'x-b3-spanid': SPAN, 'x-b3-flags': ' 1 ' })
        ?.traceFlags,
    ).toBe(1);
  });

  it('ignores missing or bad ids', () => {
    expect(extractB3Multi({ 'x-b3-spanid': SPAN })).toBeUndefined();
    expect(extractB3Multi({ 'x-b3-traceid': TRACE, 'x-b3-spanid': 'e457' })).toBeUndefined();
    expect(extractB3Multi({ 'x-b3-traceid': TRACE })).toBeUndefined();
    expect(extractB3Multi({ 'x-b3-traceid': 'xyz', 'x-b3-spanid': SPAN })).toBeUndefined();
  });

  it('writes lowercase X-B3 headers', () => {
    const carrier: Record<string, string> = {};
    injectB3Multi(carrier, { traceId: TRACE, spanId: SPAN, traceFlags: 0 });
    expect(carrier).toEqual({ 'x-b3-traceid': TRACE, 'x-b3-spanid': SPAN, 'x-b3-sampled': '0' });
    injectB3Multi(carrier, { traceId: TRACE, spanId: SPAN, traceFlags: 1 });
    expect(carrier['x-b3-sampled']).toBe('1');
  });
});

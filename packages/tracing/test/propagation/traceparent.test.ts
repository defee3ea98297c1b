import fc from 'fast-check';
import { formatTraceparent, parseTraceparent } from '../../src/propagation/traceparent.js';

const TRACE = '12345678901234567890123456789012';
const SPAN = '1234567890123456';
const VALID = `00-${TRACE}-${SPAN}-01`;

describe('parseTraceparent (W3C Trace Context Level 2)', () => {
  it('reads a valid version-00 header', () => {
    expect(parseTraceparent(VALID)).toEqual({
      version: 0,
      traceId: TRACE,
      spanId: SPAN,
      traceFlags: 1,
    });
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-00`)?.traceFlags).toBe(0);
  });

  it('keeps the sampled and random flags and drops reserved bits', () => {
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-03`)?.traceFlags).toBe(3);
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-02`)?.traceFlags).toBe(2);
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-ff`)?.traceFlags).toBe(3);
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-09`)?.traceFlags).toBe(1);
  });

  it('ignores surrounding spaces and tabs', () => {
    for (const header of [` ${VALID}`, `\t${VALID}`, `${VALID} `, `${VALID}\t`, `\t ${VALID} \t`]) {
      expect(parseTraceparent(header)?.traceId).toBe(TRACE);
    }
  });

  it.each([
    ['version ff', `ff-${TRACE}-${SPAN}-01`],
    ['illegal version characters', `.0-${TRACE}-${SPAN}-01`],
    ['illegal version characters (2)', `0.-${TRACE}-${SPAN}-01`],
    ['version too long', `000-${TRACE}-${SPAN}-01`],
    ['version too long (2)', `0000-${TRACE}-${SPAN}-01`],
    ['version too short', `0-${TRACE}-${SPAN}-01`],
    ['uppercase version', `0A-${TRACE}-${SPAN}-01`],
    ['all-zero trace id', `00-${'0'.repeat(32)}-${SPAN}-01`],
    ['all-zero parent id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['illegal trace id character', `00-.${TRACE.slice(1)}-${SPAN}-01`],
    ['illegal trace id character (end)', `00-${TRACE.slice(0, 31)}.-${SPAN}-01`],
    ['uppercase trace id', `00-${TRACE.slice(0, 31)}A-${SPAN}-01`],
    ['trace id too long', `00-${TRACE}3-${SPAN}-01`],
    ['trace id too short', `00-${TRACE.slice(1)}-${SPAN}-01`],
    ['illegal parent id character', `00-${TRACE}-.${SPAN.slice(1)}-01`],
    ['uppercase parent id', `00-${TRACE}-${SPAN.slice(0, 15)}F-01`],
    ['parent id too long', `00-${TRACE}-${SPAN}7-01`],
    ['parent id too short', `00-${TRACE}-${SPAN.slice(1)}-01`],
    ['illegal flags', `00-${TRACE}-${SPAN}-.0`],
    ['illegal flags (2)', `00-${TRACE}-${SPAN}-0.`],
    ['uppercase flags', `00-${TRACE}-${SPAN}-0A`],
    ['flags too long', `00-${TRACE}-${SPAN}-001`],
    ['flags too short', `00-${TRACE}-${SPAN}-1`],
    ['version 00 with a trailing character', `${VALID}.`],
    ['version 00 with extra fields', `${VALID}-what-the-future-will-be-like`],
    ['future version with a bad separator', `cc-${TRACE}-${SPAN}-01.what-the-future-will-be-like`],
    ['empty', ''],
    ['wrong separators', `00_${TRACE}_${SPAN}_01`],
    // One wrong separator at a time, so each position's check is pinned on its own.
    ['wrong separator after the version', `00_${TRACE}-${SPAN}-01`],
    ['wrong separator after the trace id', `00-${TRACE}_${SPAN}-01`],
    ['wrong separator after the parent id', `00-${TRACE}-${SPAN}_01`],
    ['future version, wrong separator after the version', `cc_${TRACE}-${SPAN}-01`],
  ])('rejects %s', (_case, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('reads a future version by its first four fields', () => {
    expect(parseTraceparent(`cc-${TRACE}-${SPAN}-01`)).toEqual({
      version: 0xcc,
      traceId: TRACE,
      spanId: SPAN,
      traceFlags: 1,
    });
    expect(parseTraceparent(`cc-${TRACE}-${SPAN}-01-what-the-future-will-be-like`)?.traceId).toBe(
      TRACE,
    );
    expect(parseTraceparent(`01-${TRACE}-${SPAN}-03-x`)?.traceFlags).toBe(3);
  });

  it('serializes as version 00 with only the known flags', () => {
    expect(formatTraceparent({ traceId: TRACE, spanId: SPAN, traceFlags: 1 })).toBe(VALID);
    expect(formatTraceparent({ traceId: TRACE, spanId: SPAN, traceFlags: 0xff })).toBe(
      `00-${TRACE}-${SPAN}-03`,
    );
    expect(formatTraceparent({ traceId: TRACE, spanId: SPAN, traceFlags: 2 })).toBe(
      `00-${TRACE}-${SPAN}-02`,
    );
  });
});

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const nonZeroHex = (length: number) => hex(length).filter((s) => /[1-9a-f]/.test(s));
const flags = fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, '0'));
const version = fc.integer({ min: 0, max: 254 }).map((n) => n.toString(16).padStart(2, '0'));

/** A valid header of any version below ff (future versions may carry extra fields). */
const validHeader = fc
  .tuple(version, nonZeroHex(32), nonZeroHex(16), flags, fc.option(fc.string(), { nil: undefined }))
  .map(([v, t, s, f, extra]) => ({
    header: `${v}-${t}-${s}-${f}${v !== '00' && extra !== undefined ? `-${extra.replace(/[\s]/g, '')}` : ''}`,
    traceId: t,
    spanId: s,
    flags: Number.parseInt(f, 16) & 3,
  }));

/** A valid header with one character changed, dropped or added. */
const nearValid = fc
  .tuple(
    validHeader,
    fc.nat(),
    fc.constantFrom('replace', 'delete', 'insert'),
    fc.constantFrom(...'0123456789abcdefABCDEF-. xg\t'),
  )
  .map(([valid, at, op, ch]) => {
    const i = at % valid.header.length;
    const h = valid.header;
    if (op === 'replace') return h.slice(0, i) + ch + h.slice(i + 1);
    if (op === 'delete') return h.slice(0, i) + h.slice(i + 1);
    return h.slice(0, i) + ch + h.slice(i);
  });

describe('parseTraceparent properties', () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        parseTraceparent(header);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on near-valid headers, and whatever it accepts is well-formed', () => {
    fc.assert(
      fc.property(nearValid, (header) => {
        const parsed = parseTraceparent(header);
        if (parsed) {
          expect(parsed.traceId).toMatch(/^[0-9a-f]{32}$/);
          expect(parsed.traceId).not.toBe('0'.repeat(32));
          expect(parsed.spanId).toMatch(/^[0-9a-f]{16}$/);
          expect(parsed.spanId).not.toBe('0'.repeat(16));
          expect(parsed.version).not.toBe(0xff);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every valid header and round-trips it to version 00', () => {
    fc.assert(
      fc.property(validHeader, ({ header, traceId, spanId, flags: f }) => {
        const parsed = parseTraceparent(header);
        expect(parsed).toMatchObject({ traceId, spanId, traceFlags: f });
        const again = formatTraceparent(parsed!);
        expect(parseTraceparent(again)).toEqual({ ...parsed, version: 0 });
        expect(again).toBe(`00-${traceId}-${spanId}-0${f}`);
      }),
      { numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import { Propagator, Tracer } from '../../src/index.js';
import type { Span } from '../../src/span/span.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const TP = `00-${TRACE}-00f067aa0ba902b7-01`;
const HEADERS = ['traceparent', 'tracestate', 'baggage', 'b3', 'x-b3-traceid', 'x-b3-spanid'];

/** Header values a broker, a hand-built carrier or a careless caller can put in a carrier. */
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.constant({}),
  fc.constant({ toString: () => 'x' }),
  fc.constant([1, null]),
  fc.constant(Symbol('s')),
  fc.constant(10n),
  fc.string(),
);

describe('extract never throws and keeps a valid traceparent (F10)', () => {
  it('the cases of the findings note', () => {
    const p = new Propagator(['tracecontext', 'baggage', 'b3', 'b3multi']);
    expect(() => p.extract({ traceparent: null } as never)).not.toThrow();
    expect(() => p.extractBaggage({ baggage: 42 } as never)).not.toThrow();
    expect(() => p.extract({ b3: null, 'x-b3-traceid': null } as never)).not.toThrow();
    const tracer = new Tracer({ serviceName: 's' });
    expect(tracer.extractContext({ traceparent: TP, tracestate: null } as never)).toMatchObject({
      traceId: TRACE,
      traceState: undefined,
    });
    expect(
      tracer.extractContext({ traceparent: TP, tracestate: ['a=1', 7] } as never),
    ).toMatchObject({
      traceState: 'a=1',
    });
  });

  it('for any junk in any header next to a valid traceparent', () => {
    const p = new Propagator(['tracecontext', 'baggage', 'b3', 'b3multi']);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...HEADERS.slice(1)), junk),
        fc.constantFrom('traceparent', 'TraceParent'),
        (headers, key) => {
          const carrier = { ...headers, [key]: TP } as never;
          expect(p.extract(carrier)?.traceId).toBe(TRACE);
          expect(() => p.extractBaggage(carrier)).not.toThrow();
        },
      ),
    );
  });

  it('for any junk in every header, alone', () => {
    const p = new Propagator(['tracecontext', 'baggage', 'b3', 'b3multi']);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...HEADERS), junk), (carrier) => {
        expect(() => p.extract(carrier as never)).not.toThrow();
        expect(() => p.extractBaggage(carrier as never)).not.toThrow();
      }),
    );
  });
});

describe('withSpan with an invalid context (F13)', () => {
  it('runs fn with no active span for undefined, null and invalid contexts', () => {
    const tracer = new Tracer({ serviceName: 's' });
    const invalid = [
      undefined,
      null,
      {},
      { traceId: 'zz', spanId: 'yy', traceFlags: 1 },
      { traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 1 },
      { traceId: TRACE, spanId: 'nothex!!nothex!!', traceFlags: 1 },
    ];
    for (const context of invalid) {
      const child = tracer.withSpan(context as never, () => tracer.startSpan('child')) as Span;
      expect(child.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(child.spanContext().traceId).not.toBe('0'.repeat(32));
      expect(child.parentSpanId).toBeUndefined();
    }
    expect(tracer.withSpan(tracer.extractContext({}), () => 1)).toBe(1);
  });

  it('joins a valid context', () => {
    const tracer = new Tracer({ serviceName: 's' });
    const parent = tracer.extractContext({ traceparent: TP })!;
    const child = tracer.withSpan(parent, () => tracer.startSpan('child'));
    expect(child.spanContext().traceId).toBe(TRACE);
  });
});

describe('startActiveSpan keeps the application error and ends the span (F14)', () => {
  const revoked = (): unknown => {
    const r = Proxy.revocable({}, {});
    r.revoke();
    return r.proxy;
  };
  const hostile: [string, () => unknown][] = [
    [
      'a throwing message getter',
      () =>
        Object.defineProperty(new Error('x'), 'message', {
          get() {
            throw new Error('from getter');
          },
        }),
    ],
    [
      'a throwing name getter',
      () =>
        Object.defineProperty(new Error('x'), 'name', {
          get() {
            throw new Error('from getter');
          },
        }),
    ],
    ['a revoked proxy', revoked],
    [
      'a proxy whose traps throw',
      () =>
        new Proxy(new Error('x'), {
          get() {
            throw new Error('trap');
          },
          getPrototypeOf() {
            throw new Error('trap');
          },
        }),
    ],
  ];

  it.each(hostile)('sync throw of %s', async (_name, make) => {
    const thrown = make();
    const { caught, span } = await failInSpan(thrown, 'sync');
    expect(caught).toBe(thrown);
    expect(span.ended).toBe(true);
    expect(span.status.code).toBe('error');
  });

  it.each(hostile)('async rejection with %s', async (_name, make) => {
    const thrown = make();
    const { caught, span } = await failInSpan(thrown, 'async');
    expect(caught).toBe(thrown);
    expect(span.ended).toBe(true);
  });
});

/**
 * Start an active span whose callback throws `thrown` (`sync`) or returns a promise rejected
 * with it (`async`); returns what the caller caught and the span.
 */
async function failInSpan(
  thrown: unknown,
  mode: 'sync' | 'async',
): Promise<{ caught: unknown; span: Span }> {
  const tracer = new Tracer({ serviceName: 's' });
  let span: Span | undefined;
  let caught: unknown;
  try {
    if (mode === 'sync') {
      tracer.startActiveSpan('op', (s) => {
        span = s as Span;
        throw thrown;
      });
    } else {
      await tracer.startActiveSpan('op', async (s) => {
        span = s as Span;
        throw thrown;
      });
    }
  } catch (e) {
    caught = e;
  }
  return { caught, span: span! };
}

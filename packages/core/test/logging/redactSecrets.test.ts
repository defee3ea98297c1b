import { Writable } from 'node:stream';
import fc from 'fast-check';
import { REDACTED, createLogger, redactDeep } from '@lexigram/monitor-core';

const SECRET = 'S3CR3T-VALUE';

function capture(format: 'json' | 'text') {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _e, cb) {
      out += chunk.toString();
      cb();
    },
  });
  const log = createLogger({ config: { format }, destination: stream });
  return { log, text: () => out };
}

/** Wrap `inner` in one layer of a shape a real log object can have. */
type Layer = 'object' | 'array' | 'error' | 'errorCause' | 'toJSON' | 'cycle';

function wrap(layer: Layer, key: string, inner: unknown): unknown {
  switch (layer) {
    case 'object':
      return { [key]: inner };
    case 'array':
      return [1, inner];
    case 'error':
      return Object.assign(new Error('boom'), { [key]: inner });
    case 'errorCause':
      return new Error('outer', { cause: Object.assign(new Error('inner'), { [key]: inner }) });
    case 'toJSON':
      return { toJSON: () => ({ [key]: inner }) };
    case 'cycle': {
      const node: Record<string, unknown> = { [key]: inner };
      node.back = { node };
      return node;
    }
  }
}

const layers = fc.constantFrom<Layer>('object', 'array', 'error', 'errorCause', 'toJSON', 'cycle');
const keys = fc.constantFrom('config', 'headers', 'data', 'res', 'req', 'x');
const secretKeys = fc.constantFrom('password', 'Authorization', 'COOKIE', 'token', 'apiKey');

describe('createLogger redaction (F1)', () => {
  it.each(['json', 'text'] as const)(
    'hides the four shapes of the findings note (%s)',
    (format) => {
      const { log, text } = capture(format);
      const err = Object.assign(new Error('request failed'), {
        config: { headers: { Authorization: `Bearer ${SECRET}` } },
        response: { headers: { cookie: SECRET } },
      });
      log.error({ err }, 'upstream');
      log.error(err);
      log.info({ a: { b: { c: { d: { e: { f: { g: { h: { i: { password: SECRET } } } } } } } } } });
      log.info({ payload: { toJSON: () => ({ password: SECRET }) } }, 'toJSON');
      const req: Record<string, unknown> = { headers: { authorization: SECRET } };
      req.res = { req };
      log.info({ req }, 'cycle');
      const out = text();
      expect(out).not.toContain(SECRET);
      expect(out).toContain(REDACTED);
      // The error is still printed as an error.
      expect(out).toContain('request failed');
      if (format === 'json') {
        const first = JSON.parse(out.split('\n')[0]!) as { err: Record<string, unknown> };
        expect(first.err.type).toBe('Error');
        expect(first.err.stack).toEqual(expect.stringContaining('request failed'));
      }
    },
  );

  it('never prints a secret whatever shapes surround it, at any depth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(layers, keys), { minLength: 0, maxLength: 120 }),
        secretKeys,
        fc.constantFrom<'json' | 'text'>('json', 'text'),
        (path, secretKey, format) => {
          let value: unknown = { [secretKey]: SECRET, keep: 'visible' };
          for (const [layer, key] of path) value = wrap(layer, key, value);
          const { log, text } = capture(format);
          log.info({ payload: value }, 'msg');
          const out = text();
          expect(out).not.toContain(SECRET);
          expect(out).toContain('msg');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives values that throw when read, and leaves the input untouched', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const input = {
      bad: revoked.proxy,
      getter: Object.defineProperty({}, 'x', {
        enumerable: true,
        get() {
          throw new Error('no');
        },
      }),
      throwsJSON: {
        toJSON: () => {
          throw new Error('no');
        },
      },
      password: SECRET,
    };
    const { log, text } = capture('json');
    expect(() => log.info(input, 'hostile')).not.toThrow();
    expect(text()).toContain('hostile');
    expect(text()).not.toContain(SECRET);
    expect(input.password).toBe(SECRET);
  });

  it('keeps one copy per shared object and cuts cycles only when something was redacted', () => {
    const shared = { password: SECRET };
    const out = redactDeep({ a: shared, b: shared }, new Set(['password'])) as Record<
      string,
      unknown
    >;
    expect(out.a).toBe(out.b);
    expect(out.a).toEqual({ password: REDACTED });
    const clean: Record<string, unknown> = { x: 1 };
    clean.self = clean;
    expect(redactDeep(clean, new Set(['password']))).toBe(clean);
    const secret: Record<string, unknown> = { password: SECRET };
    secret.self = secret;
    expect(redactDeep(secret, new Set(['password']))).toEqual({
      password: REDACTED,
      self: '[Circular]',
    });
  });
});

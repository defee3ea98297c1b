import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED, createLogger, redactDeep } from '@lexigram/monitor-core';

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _e, cb) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      cb();
    },
  });
  return { stream, lines };
}

describe('createLogger', () => {
  it('writes JSON with the level label and honours the level', () => {
    const { stream, lines } = sink();
    const log = createLogger({ config: { level: 'warn' }, destination: stream });
    log.info('hidden');
    log.warn({ n: 1 }, 'shown');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'shown', n: 1 });
  });

  it('redacts configured fields at any depth, case-insensitively, without touching the input', () => {
    const { stream, lines } = sink();
    const log = createLogger({
      config: { redactFields: ['password', 'token'] },
      destination: stream,
    });
    const input = { user: { name: 'ann', Password: 'p', sessions: [{ token: 't' }] } };
    log.info(input, 'login');
    const line = JSON.parse(lines[0]!);
    expect(line.user).toEqual({ name: 'ann', Password: REDACTED, sessions: [{ token: REDACTED }] });
    expect(input.user.Password).toBe('p');
    expect(lines[0]).not.toContain('"p"');
  });

  it('redacts child bindings too', () => {
    const { stream, lines } = sink();
    const log = createLogger({ destination: stream }).child({ apiKey: 'k' });
    log.info('x');
    expect(JSON.parse(lines[0]!).apiKey).toBe(REDACTED);
  });

  it('adds trace ids when a tracer supplies them, and survives a broken supplier', () => {
    const { stream, lines } = sink();
    let ids: { traceId: string; spanId: string } | undefined = {
      traceId: 'a'.repeat(32),
      spanId: 'b'.repeat(16),
    };
    const log = createLogger({ destination: stream, traceContext: () => ids });
    log.info('in span');
    ids = undefined;
    log.info('outside');
    const broken = createLogger({
      destination: stream,
      traceContext: () => {
        throw new Error('tracer down');
      },
    });
    broken.info('still logs');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      trace_id: 'a'.repeat(32),
      span_id: 'b'.repeat(16),
    });
    expect(JSON.parse(lines[1]!).trace_id).toBeUndefined();
    expect(JSON.parse(lines[2]!).msg).toBe('still logs');
  });

  it('does not add trace ids when includeTraceContext is off', () => {
    const { stream, lines } = sink();
    const log = createLogger({
      config: { includeTraceContext: false },
      destination: stream,
      traceContext: () => ({ traceId: 't', spanId: 's' }),
    });
    log.info('x');
    expect(JSON.parse(lines[0]!).trace_id).toBeUndefined();
  });

  it('writes text lines in text format', async () => {
    const { stream, lines } = sink();
    const log = createLogger({
      config: { format: 'text', redactFields: ['secret'] },
      destination: stream,
    });
    log.error({ code: 7, secret: 's' }, 'it broke');
    await new Promise((r) => setImmediate(r));
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT.* ERROR it broke code=7 secret="\[REDACTED\]"$/);
  });

  it('uses the caller’s pino instance when given', () => {
    const { stream, lines } = sink();
    const own = pino({ base: {} }, stream);
    const log = createLogger({ logger: own, bindings: { component: 'monitor' } });
    log.info('hello');
    expect(JSON.parse(lines[0]!)).toMatchObject({ component: 'monitor', msg: 'hello' });
  });

  it('is silent when disabled', () => {
    const { stream, lines } = sink();
    createLogger({ config: { enabled: false }, destination: stream }).error('x');
    expect(lines).toEqual([]);
  });
});

describe('redactDeep', () => {
  it('handles cycles and returns the same object when nothing matches', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(redactDeep(a, new Set(['password']))).toBe(a);
  });
});

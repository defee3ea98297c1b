import { cleanMessage, toSafeJson } from '@lexigram/monitor-core/internal';

describe('cleanMessage', () => {
  it('drops stack-trace lines', () => {
    const err = new Error('connection refused');
    expect(cleanMessage(err.stack!)).toBe('Error: connection refused');
    expect(cleanMessage('plain\nsecond line')).toBe('plain\nsecond line');
  });
});

describe('toSafeJson', () => {
  it('keeps JSON values as they are', () => {
    expect(toSafeJson({ a: 1, b: 'x', c: [true, null], d: { e: 2 } })).toEqual({
      a: 1,
      b: 'x',
      c: [true, null],
      d: { e: 2 },
    });
  });

  it('turns errors into name and message, and drops stack keys', () => {
    const out = toSafeJson({ error: new TypeError('bad'), stack: 'at x', nested: { stack: 's' } });
    expect(out).toEqual({ error: { name: 'TypeError', message: 'bad' }, nested: {} });
    expect(JSON.stringify(out)).not.toContain('at ');
  });

  it('makes cycles, bigints, odd numbers, dates, maps and sets serializable', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(toSafeJson(cyclic)).toEqual({ name: 'loop', self: '[Circular]' });
    expect(toSafeJson({ n: 10n, inf: Infinity, nan: Number.NaN })).toEqual({
      n: '10',
      inf: 'Infinity',
      nan: 'NaN',
    });
    expect(toSafeJson(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(toSafeJson(new Map([['k', 1]]))).toEqual({ k: 1 });
    expect(toSafeJson(new Set([1, 2]))).toEqual([1, 2]);
    expect(toSafeJson({ f: () => 1, u: undefined, arr: [undefined] })).toEqual({ arr: [null] });
  });

  it('cuts deep nesting and survives throwing getters', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20; i++) deep = { deep };
    expect(JSON.stringify(toSafeJson(deep))).toContain('[Truncated]');
    const hostile = {
      get boom(): never {
        throw new Error('getter');
      },
    };
    expect(toSafeJson({ hostile })).toEqual({ hostile: '[Unserializable]' });
  });

  it('keeps shared (non-cyclic) references', () => {
    const shared = { v: 1 };
    expect(toSafeJson({ a: shared, b: shared })).toEqual({ a: { v: 1 }, b: { v: 1 } });
  });
});

import { MonitorConfigError } from '../../src/index.js';
import { FieldChecker } from '../../src/internal/index.js';

function thrownBy(check: FieldChecker): MonitorConfigError {
  try {
    check.throwIfInvalid();
  } catch (error) {
    return error as MonitorConfigError;
  }
  throw new Error('expected throwIfInvalid to throw');
}

describe('FieldChecker', () => {
  it('does not throw when every field is valid', () => {
    const check = new FieldChecker('Test options');
    expect(check.nonEmptyString('name', 'api')).toBe(true);
    expect(check.positive('rate', 2)).toBe(true);
    expect(check.integerAtLeast('size', 3, 1)).toBe(true);
    expect(check.openFraction('target', 0.99, '0.999')).toBe(true);
    expect(check.fn('onError', () => undefined)).toBe(true);
    expect(check.durationMs('intervalMs', 1000)).toBe(1000);
    expect(check.count).toBe(0);
    expect(() => check.throwIfInvalid()).not.toThrow();
  });

  it('collects every bad field into one MonitorConfigError, one wording per kind', () => {
    const check = new FieldChecker('Test options');
    check.nonEmptyString('name', '  ');
    check.positive('rate', -1);
    check.integerAtLeast('size', 1.5, 1);
    check.openFraction('target', 1, '0.999');
    check.fn('onError', 'nope');
    expect(check.durationMs('intervalMs', 2 ** 31, { fallback: 10 })).toBe(10);
    check.add('custom', 'is odd');
    expect(check.count).toBe(7);
    const error = thrownBy(check);
    expect(error).toBeInstanceOf(MonitorConfigError);
    expect(error.message).toContain('(from Test options)');
    expect(error.fields).toEqual([
      { path: 'name', message: 'must be a non-empty string, got a string ("  ")' },
      { path: 'rate', message: 'must be a finite number greater than 0, got a number (-1)' },
      { path: 'size', message: 'must be an integer >= 1, got a number (1.5)' },
      {
        path: 'target',
        message: 'must be a fraction strictly between 0 and 1, e.g. 0.999, got a number (1)',
      },
      { path: 'onError', message: 'must be a function, got a string ("nope")' },
      { path: 'intervalMs', message: expect.stringContaining('must be at most 2147483647 ms') },
      { path: 'custom', message: 'is odd' },
    ]);
  });

  it('durationMs uses the fallback for undefined and honours the rule', () => {
    const check = new FieldChecker('Test options');
    expect(check.durationMs('ttlMs', undefined, { fallback: 30 })).toBe(30);
    expect(check.durationMs('ttlMs', 0, { allowZero: true, fallback: 30 })).toBe(0);
    expect(check.durationMs('ttlMs', undefined)).toBeUndefined();
    expect(check.durationMs('ttlMs', null)).toBeUndefined();
    expect(check.count).toBe(1);
  });
});

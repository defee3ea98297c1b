import { MonitorConfigError } from '../../src/index.js';
import {
  MAX_TIMER_DELAY_MS,
  durationMsSchema,
  durationProblem,
  validateDurationMs,
} from '../../src/internal/index.js';

describe('durations', () => {
  it('accepts positive finite numbers up to the timer limit', () => {
    expect(durationProblem(1)).toBeUndefined();
    expect(durationProblem(0.5)).toBeUndefined();
    expect(durationProblem(MAX_TIMER_DELAY_MS)).toBeUndefined();
  });

  it('rejects a delay Node would turn into 1 ms, naming the limit', () => {
    expect(MAX_TIMER_DELAY_MS).toBe(2_147_483_647);
    expect(durationProblem(MAX_TIMER_DELAY_MS + 1)).toBe(
      'must be at most 2147483647 ms (about 24.8 days, the longest delay a Node.js timer honours), got a number (2147483648)',
    );
  });

  it.each([
    [0, 'must be greater than 0 milliseconds, got a number (0)'],
    [-5, 'must be greater than 0 milliseconds, got a number (-5)'],
    [Number.NaN, 'must be a number of milliseconds, got a number (NaN)'],
    [Infinity, 'must be a finite number of milliseconds, got a number (Infinity)'],
    ['100', 'must be a number of milliseconds, got a string ("100")'],
  ])('rejects %p', (value, message) => {
    expect(durationProblem(value)).toBe(message);
  });

  it('applies the rule: zero, integers, a minimum and a custom maximum', () => {
    expect(durationProblem(0, { allowZero: true })).toBeUndefined();
    expect(durationProblem(-1, { allowZero: true })).toBe(
      'must be 0 or more milliseconds, got a number (-1)',
    );
    expect(durationProblem(1.5, { integer: true })).toBe(
      'must be a whole number of milliseconds, got a number (1.5)',
    );
    expect(durationProblem(5, { min: 10 })).toBe('must be at least 10 ms, got a number (5)');
    expect(durationProblem(11, { max: 10 })).toBe('must be at most 10 ms, got a number (11)');
    expect(durationProblem(MAX_TIMER_DELAY_MS * 10, { max: Infinity })).toBeUndefined();
  });

  it('takes a minimum as inclusive: the minimum itself passes, anything below it does not', () => {
    expect(durationProblem(10, { min: 10 })).toBeUndefined();
    expect(durationProblem(9.999, { min: 10 })).toBe(
      'must be at least 10 ms, got a number (9.999)',
    );
  });

  it('durationMsSchema applies the same rule and wording through zod', () => {
    const schema = durationMsSchema({ min: 10 });
    expect(schema.parse(10)).toBe(10);
    const result = schema.safeParse(5);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'must be at least 10 ms, got a number (5)',
    ]);
    expect(durationMsSchema().safeParse('1').success).toBe(false);
  });

  it('validateDurationMs returns the value or the fallback', () => {
    expect(validateDurationMs(250, 'timeoutMs')).toBe(250);
    expect(validateDurationMs(undefined, 'timeoutMs', { fallback: 5000 })).toBe(5000);
  });

  it('validateDurationMs throws a MonitorConfigError naming the field and the source', () => {
    let caught: unknown;
    try {
      validateDurationMs(2 ** 31, 'intervalMs', { source: 'SLOMonitor options' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MonitorConfigError);
    const error = caught as MonitorConfigError;
    expect(error.fields).toEqual([
      { path: 'intervalMs', message: expect.stringContaining('must be at most 2147483647 ms') },
    ]);
    expect(error.message).toContain('(from SLOMonitor options)');
  });

  it('a fallback does not excuse an invalid value', () => {
    expect(() => validateDurationMs(-1, 'timeoutMs', { fallback: 5000 })).toThrow(
      MonitorConfigError,
    );
  });
});

import { HealthCheckCategory } from '@lexigram/monitor-core';
import { InvalidHealthCheckError } from '@lexigram/monitor-health';
import {
  resolveCheckOptions,
  validateCheckName,
  validateCheckOptions,
} from '../../src/checks/checkOptions.js';

describe('check options', () => {
  it('accepts a single-line, non-empty name', () => {
    expect(validateCheckName('db:primary')).toBe('db:primary');
    for (const bad of ['', '   ', 'a\nb', 7, undefined]) {
      expect(() => validateCheckName(bad)).toThrow(InvalidHealthCheckError);
    }
  });

  it('validates each option and names the bad one', () => {
    expect(validateCheckOptions('db', undefined)).toEqual({});
    expect(
      validateCheckOptions('db', { timeoutMs: 10, category: 'liveness', critical: false }),
    ).toEqual({ timeoutMs: 10, category: 'liveness', critical: false });
    expect(() => validateCheckOptions('db', { timeoutMs: 0 })).toThrow(
      /timeoutMs of health check "db"/,
    );
    expect(() => validateCheckOptions('db', { timeoutMs: Infinity })).toThrow(
      /must be a finite number of milliseconds/,
    );
    // Node would run a longer timer after 1 ms.
    expect(() => validateCheckOptions('db', { timeoutMs: 2 ** 31 })).toThrow(
      /at most 2147483647 ms/,
    );
    expect(() => validateCheckOptions('db', { timeoutMs: '5' })).toThrow(/a string \("5"\)/);
    expect(() => validateCheckOptions('db', { category: 'ready' })).toThrow(
      /category of health check "db" must be 'liveness', 'readiness' or 'startup'/,
    );
    expect(() => validateCheckOptions('db', { critical: 'no' })).toThrow(/critical/);
    expect(() => validateCheckOptions('db', 5)).toThrow(InvalidHealthCheckError);
  });

  it('layers options over the defaults: readiness, critical, default timeout', () => {
    expect(resolveCheckOptions(5000)).toEqual({
      timeoutMs: 5000,
      category: HealthCheckCategory.Readiness,
      critical: true,
    });
    expect(
      resolveCheckOptions(5000, { timeoutMs: 100, category: 'liveness' }, { timeoutMs: 50 }),
    ).toEqual({ timeoutMs: 50, category: 'liveness', critical: true });
  });
});

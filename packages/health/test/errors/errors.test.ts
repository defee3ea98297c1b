import { MonitorError, isMonitorError } from '@lexigram/monitor-core';
import {
  DuplicateHealthCheckError,
  HealthCheckError,
  HealthCheckNotFoundError,
  InvalidHealthCheckError,
} from '@lexigram/monitor-health';

describe('health errors', () => {
  it('derive from MonitorError with stable codes', () => {
    const duplicate = new DuplicateHealthCheckError('db');
    expect(duplicate).toBeInstanceOf(MonitorError);
    expect(duplicate).toBeInstanceOf(HealthCheckError);
    expect(duplicate.code).toBe('DUPLICATE_HEALTH_CHECK');
    expect(duplicate.checkName).toBe('db');
    expect(duplicate.message).toContain('remove("db")');
    expect(isMonitorError(duplicate, 'HEALTH_CHECK_ERROR')).toBe(true);

    const missing = new HealthCheckNotFoundError('dbb', ['cache', 'db']);
    expect(missing.code).toBe('HEALTH_CHECK_NOT_FOUND');
    expect(missing.message).toContain('registered: cache, db');
    expect(new HealthCheckNotFoundError('x').message).toContain('none are registered');

    const invalid = new InvalidHealthCheckError('bad', { cause: new Error('root') });
    expect(invalid.code).toBe('INVALID_HEALTH_CHECK');
    expect(invalid).toBeInstanceOf(HealthCheckError);
    expect(invalid).not.toBeInstanceOf(DuplicateHealthCheckError);
    expect((invalid.cause as Error).message).toBe('root');
    expect(invalid.name).toBe('InvalidHealthCheckError');
  });
});

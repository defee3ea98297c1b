import type * as Core from '@lexigram/monitor-core';
import {
  BackendNotAvailableError,
  InvalidMetricError,
  MetricNotFoundError,
  MonitorConfigError,
  MonitorError,
  PerformanceMonitorError,
  SpanError,
  isMonitorError,
} from '@lexigram/monitor-core';

describe('MonitorError family', () => {
  it.each([
    [InvalidMetricError, 'INVALID_METRIC'],
    [PerformanceMonitorError, 'PERFORMANCE_MONITOR_ERROR'],
    [SpanError, 'SPAN_ERROR'],
  ] as const)('%p has its code, name, cause and is a MonitorError', (Ctor, code) => {
    const cause = new Error('root');
    const error = new Ctor('what to do', { cause });
    expect(error.code).toBe(code);
    expect(Ctor.code).toBe(code);
    expect(error.name).toBe(Ctor.name);
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(MonitorError);
    expect(error).toBeInstanceOf(Ctor);
    expect(isMonitorError(error, code)).toBe(true);
    expect(error.stack).toContain('what to do');
  });

  it('does not confuse sibling classes', () => {
    const error = new SpanError('x');
    expect(error).not.toBeInstanceOf(InvalidMetricError);
    expect(isMonitorError(error, 'INVALID_METRIC')).toBe(false);
    expect(isMonitorError(new Error('plain'))).toBe(false);
    expect(isMonitorError(null)).toBe(false);
  });

  it('BackendNotAvailableError names the package to install', () => {
    const error = new BackendNotAvailableError(
      'prometheus',
      '@lexigram/monitor-backend-prometheus',
    );
    expect(error.code).toBe('BACKEND_NOT_AVAILABLE');
    expect(error.message).toContain('npm install @lexigram/monitor-backend-prometheus');
    expect(error.backendType).toBe('prometheus');
    expect(new BackendNotAvailableError('custom').message).toContain('backendPackages');
  });

  it('MetricNotFoundError says how to fix it', () => {
    const error = new MetricNotFoundError('requests_total');
    expect(error.metricName).toBe('requests_total');
    expect(error.message).toMatch(/create it first/);
  });

  it('MonitorConfigError lists every field', () => {
    const error = new MonitorConfigError([
      { path: 'tracing.sampleRate', message: 'must be between 0 and 1' },
      { path: 'metrics.prefix', message: 'bad' },
    ]);
    expect(error.message).toContain('2 fields');
    expect(error.message).toContain('tracing.sampleRate: must be between 0 and 1');
    expect(error.message).toContain('metrics.prefix: bad');
    expect(error.fields).toHaveLength(2);
  });

  it('instanceof works across two copies of core (brand, not prototype)', () => {
    // Simulate an error thrown by another copy: same brand, different class object.
    const foreign = Object.create(Error.prototype) as Record<symbol, unknown>;
    Object.defineProperty(foreign, Symbol.for('@lexigram/monitor-core/error-codes'), {
      value: ['INVALID_METRIC', 'MONITOR_ERROR'],
    });
    expect(foreign).toBeInstanceOf(InvalidMetricError);
    expect(foreign).toBeInstanceOf(MonitorError);
    expect(foreign).not.toBeInstanceOf(SpanError);
  });

  it('instanceof across the ESM and CJS builds loaded together', async () => {
    const cjs = (await import('../../dist/index.cjs')) as unknown as typeof Core;
    const fromCjs = new cjs.InvalidMetricError('x');
    expect(cjs.InvalidMetricError).not.toBe(InvalidMetricError);
    expect(fromCjs).toBeInstanceOf(InvalidMetricError);
    expect(fromCjs).toBeInstanceOf(MonitorError);
    expect(new InvalidMetricError('y')).toBeInstanceOf(cjs.MonitorError);
  });

  it('user subclasses without their own code keep prototype semantics', () => {
    class AppError extends InvalidMetricError {}
    expect(new AppError('x')).toBeInstanceOf(AppError);
    expect(new InvalidMetricError('x')).not.toBeInstanceOf(AppError);
    expect(new AppError('x')).toBeInstanceOf(InvalidMetricError);
  });
});

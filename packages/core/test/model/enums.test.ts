import {
  BackendType,
  HealthCheckCategory,
  HealthStatus,
  MetricType,
  SamplerType,
  SpanKind,
  SpanStatus,
} from '@lexigram/monitor-core';

describe('enumerations', () => {
  it('expose readable constants with the string values used on the wire', () => {
    expect(HealthStatus).toEqual({
      Healthy: 'healthy',
      Degraded: 'degraded',
      Unhealthy: 'unhealthy',
    });
    expect(HealthCheckCategory).toEqual({
      Liveness: 'liveness',
      Readiness: 'readiness',
      Startup: 'startup',
    });
    expect(Object.values(SpanKind)).toEqual([
      'internal',
      'server',
      'client',
      'producer',
      'consumer',
    ]);
    expect(Object.values(SpanStatus)).toEqual(['unset', 'ok', 'error']);
    expect(Object.values(SamplerType)).toEqual([
      'always_on',
      'always_off',
      'probability',
      'parent_based',
      'rate_limiting',
    ]);
    expect(Object.values(MetricType)).toEqual(['counter', 'gauge', 'histogram', 'summary']);
    expect(BackendType.Prometheus).toBe('prometheus');
  });

  it('string literals type-check as the enum type', () => {
    const status: HealthStatus = 'degraded';
    const kind: SpanKind = SpanKind.Server;
    expect([status, kind]).toEqual(['degraded', 'server']);
  });
});

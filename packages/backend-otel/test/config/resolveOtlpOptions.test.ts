import { parseHeaders, resolveOtlpOptions } from '../../src/config/resolveOtlpOptions.js';
import { thrownConfigError } from '@lexigram/test-support';

describe('resolveOtlpOptions', () => {
  it('defaults to the OTLP/HTTP defaults', () => {
    expect(resolveOtlpOptions('traces', { env: {} })).toMatchObject({
      url: 'http://localhost:4318/v1/traces',
      protocol: 'http/protobuf',
      compression: 'none',
      timeoutMs: 10_000,
      headers: {},
    });
    expect(resolveOtlpOptions('metrics', { env: {} }).url).toBe('http://localhost:4318/v1/metrics');
  });

  it('appends the signal path to a base endpoint, with or without a trailing slash', () => {
    expect(
      resolveOtlpOptions('traces', { env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' } }).url,
    ).toBe('http://c:4318/v1/traces');
    expect(
      resolveOtlpOptions('metrics', { env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://c/otlp/' } })
        .url,
    ).toBe('https://c/otlp/v1/metrics');
    expect(
      resolveOtlpOptions('traces', { env: {}, config: { endpoint: 'http://cfg:1' } }).url,
    ).toBe('http://cfg:1/v1/traces');
  });

  it('uses a signal-specific endpoint as is, over the generic one', () => {
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://generic:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:9999/custom',
    };
    expect(resolveOtlpOptions('traces', { env }).url).toBe('http://traces:9999/custom');
    expect(resolveOtlpOptions('metrics', { env }).url).toBe('http://generic:4318/v1/metrics');
  });

  it('ranks code options over signal-specific over generic variables over config', () => {
    const env = {
      OTEL_EXPORTER_OTLP_TIMEOUT: '2000',
      OTEL_EXPORTER_OTLP_METRICS_TIMEOUT: '3000',
      OTEL_EXPORTER_OTLP_COMPRESSION: 'gzip',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf',
      OTEL_EXPORTER_OTLP_HEADERS: 'a=generic,b=generic',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'b=traces',
      OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://m:1/v1/metrics',
    };
    const config = {
      endpoint: 'http://config:4318',
      timeoutMs: 1000,
      compression: 'none' as const,
      headers: { a: 'config', c: 'config' },
    };
    const traces = resolveOtlpOptions('traces', { env, config });
    expect(traces).toMatchObject({
      url: 'http://config:4318/v1/traces',
      timeoutMs: 2000,
      compression: 'gzip',
      protocol: 'http/protobuf',
      // the signal-specific variable replaces the generic one; config headers stay underneath
      headers: { a: 'config', b: 'traces', c: 'config' },
    });
    const metrics = resolveOtlpOptions('metrics', { env, config });
    expect(metrics).toMatchObject({
      url: 'http://m:1/v1/metrics',
      timeoutMs: 3000,
      protocol: 'http/json',
      headers: { a: 'generic', b: 'generic', c: 'config' },
    });
    const code = resolveOtlpOptions('metrics', {
      env,
      config,
      url: 'http://code/v1/metrics',
      timeoutMs: 42,
      protocol: 'http/protobuf',
      headers: { a: 'code' },
    });
    expect(code).toMatchObject({
      url: 'http://code/v1/metrics',
      timeoutMs: 42,
      protocol: 'http/protobuf',
      headers: { a: 'code', b: 'generic', c: 'config' },
    });
  });

  it('decodes percent-encoded header values', () => {
    expect(parseHeaders('Authorization=Basic%20abc%3D%3D, x-tenant = t1', 'H')).toEqual({
      Authorization: 'Basic abc==',
      'x-tenant': 't1',
    });
  });

  it('names the bad variable in a MonitorConfigError', () => {
    const bad = () =>
      resolveOtlpOptions('traces', {
        env: {
          OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc',
          OTEL_EXPORTER_OTLP_TIMEOUT: 'soon',
          OTEL_EXPORTER_OTLP_COMPRESSION: 'zstd',
          OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url',
        },
      });
    const error = thrownConfigError(bad);
    expect(error.fields.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
        'OTEL_EXPORTER_OTLP_TIMEOUT',
        'OTEL_EXPORTER_OTLP_COMPRESSION',
        'OTEL_EXPORTER_OTLP_ENDPOINT',
      ]),
    );
    expect(error.message).toMatch(/grpc is not supported/);
  });

  it('reads process.env by default', () => {
    const saved = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = 'http://from-env:4318/v1/traces';
    try {
      expect(resolveOtlpOptions('traces').url).toBe('http://from-env:4318/v1/traces');
    } finally {
      if (saved === undefined) delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
      else process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = saved;
    }
  });
});

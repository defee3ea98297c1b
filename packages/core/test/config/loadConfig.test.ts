import {
  DEFAULT_HISTOGRAM_BUCKETS,
  MonitorConfigError,
  getBackendConfig,
  loadConfig,
  prefixedMetricName,
} from '@lexigram/monitor-core';

describe('loadConfig', () => {
  it('applies the defaults', () => {
    const c = loadConfig({}, { env: false });
    expect(c).toMatchObject({
      enabled: true,
      name: 'monitor',
      backendType: 'memory',
      environment: 'development',
      debug: false,
      metrics: {
        enabled: true,
        prefix: '',
        defaultLabels: {},
        collectionIntervalMs: 60_000,
        maxSeriesPerMetric: 2000,
      },
      tracing: {
        serviceName: 'lexigram-service',
        samplerType: 'always_on',
        sampleRate: 1,
        maxTracesPerSecond: 100,
        propagationFormats: ['tracecontext', 'baggage'],
        maxAttributes: 128,
        maxEvents: 128,
        maxLinks: 128,
      },
      health: { enabled: true, path: '/health', includeDetails: true, timeoutMs: 5000, checks: [] },
      logging: { level: 'info', format: 'json', includeTraceContext: true },
    });
    expect(c.metrics.histogramBuckets).toEqual(DEFAULT_HISTOGRAM_BUCKETS);
    expect(c.logging.redactFields).toContain('password');
    expect(c.prometheus).toBeUndefined();
  });

  it('keeps given values and fills the rest of a section', () => {
    const c = loadConfig(
      { tracing: { sampleRate: 0.25, samplerType: 'probability' } },
      { env: false },
    );
    expect(c.tracing.sampleRate).toBe(0.25);
    expect(c.tracing.maxLinks).toBe(128);
  });

  it('raises one error listing every bad field by path', () => {
    let error: unknown;
    try {
      loadConfig(
        {
          tracing: { sampleRate: 1.5 },
          metrics: { prefix: 'bad-prefix', histogramBuckets: [1, 0.5] },
          health: { timeoutMs: -1 },
          // @ts-expect-error unknown field
          logging: { lvl: 'info' },
        },
        { env: false },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MonitorConfigError);
    const paths = (error as MonitorConfigError).fields.map((f) => f.path).sort();
    expect(paths).toEqual([
      'health.timeoutMs',
      'logging.lvl',
      'metrics.histogramBuckets',
      'metrics.prefix',
      'tracing.sampleRate',
    ]);
    expect((error as Error).message).toContain('tracing.sampleRate: must be between 0 and 1');
    expect((error as Error).message).toContain('logging.lvl: unknown field');
  });

  it('reads documented environment variables on top of the object', () => {
    const c = loadConfig(
      { tracing: { sampleRate: 0.5 } },
      {
        env: {
          LEX_ENV: 'staging',
          LEX_MONITOR_BACKEND_TYPE: 'prometheus',
          LEX_MONITOR_DEBUG: 'yes',
          LEX_MONITOR_TRACING__SAMPLE_RATE: '0.1',
          LEX_MONITOR_TRACING__PROPAGATION_FORMATS: 'tracecontext,b3',
          LEX_MONITOR_METRICS__DEFAULT_LABELS: 'region=eu,zone=a',
          LEX_MONITOR_METRICS__HISTOGRAM_BUCKETS: '[0.1, 1, 10]',
          LEX_MONITOR_PROMETHEUS__PORT: '9100',
          OTEL_SERVICE_NAME: 'checkout',
          UNRELATED: 'x',
        },
      },
    );
    expect(c.environment).toBe('staging');
    expect(c.backendType).toBe('prometheus');
    expect(c.debug).toBe(true);
    expect(c.tracing.sampleRate).toBe(0.1);
    expect(c.tracing.propagationFormats).toEqual(['tracecontext', 'b3']);
    expect(c.tracing.serviceName).toBe('checkout');
    expect(c.metrics.defaultLabels).toEqual({ region: 'eu', zone: 'a' });
    expect(c.metrics.histogramBuckets).toEqual([0.1, 1, 10]);
    expect(c.prometheus?.port).toBe(9100);
    expect(c.prometheus?.path).toBe('/metrics');
  });

  it('names the environment variable behind a bad value, and rejects unknown ones', () => {
    expect(() => loadConfig({}, { env: { LEX_MONITOR_TRACING__SAMPLE_RATE: 'lots' } })).toThrow(
      /tracing\.sampleRate: .*LEX_MONITOR_TRACING__SAMPLE_RATE/,
    );
    expect(() => loadConfig({}, { env: { LEX_MONITOR_TRACING__SAMPLE_RAT: '1' } })).toThrow(
      /tracing\.sampleRat: unknown setting from environment variable LEX_MONITOR_TRACING__SAMPLE_RAT/,
    );
  });

  it('reads process.env by default', () => {
    process.env.LEX_MONITOR_NAME = 'from-env';
    try {
      expect(loadConfig().name).toBe('from-env');
    } finally {
      delete process.env.LEX_MONITOR_NAME;
    }
  });
});

describe('getBackendConfig and prefixedMetricName', () => {
  it('returns the selected backend section', () => {
    expect(getBackendConfig(loadConfig({}, { env: false }))).toBeUndefined();
    const prom = loadConfig(
      { backendType: 'prometheus', prometheus: { port: 9999 } },
      { env: false },
    );
    expect(getBackendConfig(prom)).toMatchObject({ port: 9999, path: '/metrics' });
    const otel = loadConfig({ backendType: 'opentelemetry' }, { env: false });
    expect(getBackendConfig(otel)).toMatchObject({
      endpoint: 'http://localhost:4318',
      timeoutMs: 10_000,
    });
  });

  it('prefixes metric names', () => {
    expect(prefixedMetricName({ prefix: '' }, 'hits')).toBe('hits');
    expect(prefixedMetricName({ prefix: 'app' }, 'hits')).toBe('app_hits');
    expect(prefixedMetricName({ prefix: 'app_' }, 'hits')).toBe('app_hits');
  });
});

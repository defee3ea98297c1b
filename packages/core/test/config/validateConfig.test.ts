import { validateConfig } from '@lexigram/monitor-core';

describe('validateConfig', () => {
  it('finds nothing wrong with the defaults in development', () => {
    expect(validateConfig({}, 'development')).toEqual([]);
  });

  it('reports schema errors as issues instead of throwing', () => {
    const issues = validateConfig({ tracing: { sampleRate: 2 } });
    expect(issues).toEqual([
      { severity: 'error', path: 'tracing.sampleRate', message: 'must be between 0 and 1' },
    ]);
  });

  it('flags debug in production and a missing backend section', () => {
    const issues = validateConfig({ debug: true, backendType: 'prometheus' }, 'production');
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'error', path: 'debug' }),
        expect.objectContaining({ severity: 'error', path: 'prometheus' }),
      ]),
    );
    const dev = validateConfig({ backendType: 'opentelemetry' }, 'development');
    expect(dev).toEqual([expect.objectContaining({ severity: 'warning', path: 'opentelemetry' })]);
  });

  it('warns about production-unfit logging and sampling', () => {
    const issues = validateConfig(
      {
        backendType: 'prometheus',
        prometheus: {},
        logging: { level: 'debug', format: 'text', redactFields: [] },
        tracing: { samplerType: 'probability', sampleRate: 0 },
      },
      'production',
    );
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'logging.level',
        'logging.format',
        'logging.redactFields',
        'tracing.sampleRate',
      ]),
    );
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('takes the environment from LEX_ENV, then from the config', () => {
    expect(validateConfig({ debug: true, environment: 'production' })).toHaveLength(2);
    process.env.LEX_ENV = 'development';
    try {
      expect(validateConfig({ debug: true, environment: 'production' })).toEqual([]);
    } finally {
      delete process.env.LEX_ENV;
    }
  });
});

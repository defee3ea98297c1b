import { MonitorConfigError, loadConfig } from '../../src/index.js';

describe('PrometheusConfig store fields', () => {
  it('has documented defaults', () => {
    const config = loadConfig({ prometheus: {} }, { env: false });
    expect(config.prometheus).toMatchObject({
      storeInDb: false,
      metricsTable: 'metrics',
      dbFile: 'lexigram-metrics.sqlite',
      retentionMs: 604_800_000,
      maxBufferedRows: 100_000,
    });
    expect(config.prometheus!.databaseUrl).toBeUndefined();
  });

  it('reads LEX_MONITOR_PROMETHEUS__* variables', () => {
    const config = loadConfig(
      {},
      {
        env: {
          LEX_MONITOR_PROMETHEUS__STORE_IN_DB: 'true',
          LEX_MONITOR_PROMETHEUS__DATABASE_URL: 'postgres://lexi@db:5432/metrics',
          LEX_MONITOR_PROMETHEUS__DB_FILE: '/var/lib/app/metrics.sqlite',
          LEX_MONITOR_PROMETHEUS__RETENTION_MS: '3600000',
          LEX_MONITOR_PROMETHEUS__MAX_BUFFERED_ROWS: '500',
          LEX_MONITOR_PROMETHEUS__METRICS_TABLE: 'app_metrics',
        },
      },
    );
    expect(config.prometheus).toMatchObject({
      storeInDb: true,
      databaseUrl: 'postgres://lexi@db:5432/metrics',
      dbFile: '/var/lib/app/metrics.sqlite',
      retentionMs: 3_600_000,
      maxBufferedRows: 500,
      metricsTable: 'app_metrics',
    });
  });

  it('rejects a table name that is not a plain SQL identifier and a non-PostgreSQL URL', () => {
    let error: unknown;
    try {
      loadConfig(
        { prometheus: { metricsTable: 'metrics; DROP TABLE x', databaseUrl: 'mysql://db/m' } },
        { env: false },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MonitorConfigError);
    expect((error as Error).message).toMatch(
      /prometheus\.metricsTable: must be a plain SQL table name/,
    );
    expect((error as Error).message).toMatch(/prometheus\.databaseUrl: must be a PostgreSQL URL/);
    expect(() => loadConfig({ prometheus: { retentionMs: 0 } }, { env: false })).toThrow(
      /prometheus\.retentionMs/,
    );
  });
});

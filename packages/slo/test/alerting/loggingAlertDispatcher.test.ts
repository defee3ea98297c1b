import type { AlertDispatcherProtocol } from '@lexigram/monitor-core';
import { LoggingAlertDispatcher } from '../../src/index.js';
import { capturePinoLogger as captureLogger } from '@lexigram/test-support';

function setup() {
  const { logger, records } = captureLogger();
  const dispatcher: AlertDispatcherProtocol = new LoggingAlertDispatcher({ logger });
  return { dispatcher, records };
}

describe('LoggingAlertDispatcher', () => {
  it.each([
    ['low', 'warn'],
    ['medium', 'warn'],
    ['high', 'error'],
    ['critical', 'error'],
  ])('logs a %s alert at %s', async (severity, level) => {
    const { dispatcher, records } = setup();
    await dispatcher.sendAlert('Disk almost full', '92 % used on /data', severity);
    expect(records()).toEqual([
      expect.objectContaining({
        level,
        component: 'alerts',
        alert: 'Disk almost full',
        severity,
        msg: 'Disk almost full: 92 % used on /data',
      }),
    ]);
  });

  it('puts the context on the log record as fields, its own fields winning', async () => {
    const { dispatcher, records } = setup();
    await dispatcher.sendAlert('t', 'm', 'low', { host: 'db-1', attempts: 3, severity: 'spoofed' });
    expect(records()[0]).toMatchObject({ host: 'db-1', attempts: 3, severity: 'low' });
  });

  it.each([
    [150, 'warn', 50],
    [200, 'warn', 100],
    [201, 'error', 101],
    [20, 'warn', 80],
  ])('logs a metric alert at %d against 100 at %s', async (value, level, breachPercent) => {
    const { dispatcher, records } = setup();
    await dispatcher.sendMetricAlert('http.p99_ms', value, 100, { route: '/orders' });
    expect(records()).toEqual([
      expect.objectContaining({
        level,
        metric: 'http.p99_ms',
        currentValue: value,
        threshold: 100,
        breachPercent,
        route: '/orders',
        msg: `Metric http.p99_ms breached its threshold: ${value} (threshold 100)`,
      }),
    ]);
  });

  it('treats any breach of a zero threshold as over 100 %', async () => {
    const { dispatcher, records } = setup();
    await dispatcher.sendMetricAlert('errors', 1, 0);
    expect(records()[0]).toMatchObject({ level: 'error', breachPercent: null });
  });

  it('builds its own logger from core when none is given', async () => {
    const dispatcher = new LoggingAlertDispatcher({ logging: { enabled: false } });
    await expect(dispatcher.sendAlert('t', 'm', 'high')).resolves.toBeUndefined();
  });
});

import type { AlertDispatcherProtocol } from '@lexigram/monitor-core';
import * as slo from '../src/index.js';

describe('@lexigram/monitor-slo entry point', () => {
  it('names every public value', () => {
    expect(Object.keys(slo).sort()).toEqual(
      [
        'AlertmanagerAlertDispatcher',
        'BurnRateAlert',
        'DEFAULT_BURN_RATE_RULES',
        'DEFAULT_BURN_RATE_WINDOW_MS',
        'DEFAULT_EVENT_COUNTER_TIERS',
        'DEFAULT_SLO_PERIOD_MS',
        'DEFAULT_SLO_WINDOW_MS',
        'ErrorBudgetMonitor',
        'ErrorBudgetTracker',
        'FanOutAlertDispatcher',
        'HistogramSloFeed',
        'LoggingAlertDispatcher',
        'PACKAGE_NAME',
        'PACKAGE_VERSION',
        'PAGERDUTY_EVENTS_URL',
        'PPM',
        'PagerDutyAlertDispatcher',
        'RatioSLO',
        'RollingQuantileWindow',
        'SLO',
        'SLOMonitor',
        'SLOViolation',
        'SlackAlertDispatcher',
        'SlotRing',
        'TwoTierEventCounter',
        'WebhookAlertDispatcher',
        'defaultDedupKey',
        'monitorContribution',
      ].sort(),
    );
  });

  it('gives dispatchers that satisfy core’s AlertDispatcherProtocol', () => {
    const dispatchers: AlertDispatcherProtocol[] = [
      new slo.LoggingAlertDispatcher({ logging: { enabled: false } }),
      new slo.FanOutAlertDispatcher([]),
    ];
    expect(dispatchers.every((d) => typeof d.sendMetricAlert === 'function')).toBe(true);
  });
});

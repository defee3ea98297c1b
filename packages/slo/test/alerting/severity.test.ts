import { breachRatio, metricAlertSeverity, severityLogLevel } from '../../src/alerting/severity.js';

describe('alert severity rules', () => {
  it('logs low and medium at warn, high and critical at error', () => {
    expect(severityLogLevel('low')).toBe('warn');
    expect(severityLogLevel('medium')).toBe('warn');
    expect(severityLogLevel('high')).toBe('error');
    expect(severityLogLevel('critical')).toBe('error');
  });

  it('maps other strings by meaning, ignoring case, and defaults to warn', () => {
    expect(severityLogLevel('CRITICAL')).toBe('error');
    expect(severityLogLevel('error')).toBe('error');
    expect(severityLogLevel('page')).toBe('error');
    expect(severityLogLevel('warning')).toBe('warn');
    expect(severityLogLevel('info')).toBe('warn');
    expect(severityLogLevel('whatever')).toBe('warn');
  });

  it('measures a breach as a fraction of the threshold', () => {
    expect(breachRatio(150, 100)).toBe(0.5);
    expect(breachRatio(200, 100)).toBe(1);
    expect(breachRatio(0.5, 0.999)).toBeCloseTo(0.499 / 0.999, 12); // lower-is-worse metrics too
    expect(breachRatio(5, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(breachRatio(0, 0)).toBe(0);
  });

  it('calls a metric alert high only when the breach is over 100 %', () => {
    expect(metricAlertSeverity(150, 100)).toBe('medium');
    expect(metricAlertSeverity(200, 100)).toBe('medium');
    expect(metricAlertSeverity(200.01, 100)).toBe('high');
  });
});

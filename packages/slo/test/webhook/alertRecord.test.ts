import { defaultDedupKey } from '../../src/index.js';
import { freeFormAlert, metricAlert } from '../../src/webhook/alertRecord.js';

describe('alert records', () => {
  it('builds a free-form alert', () => {
    const alert = freeFormAlert('Disk full', 'at 99 %', 'high', { host: 'db' }, 0);
    expect(alert).toEqual({
      kind: 'alert',
      title: 'Disk full',
      message: 'at 99 %',
      severity: 'high',
      context: { host: 'db' },
      createdAt: new Date(0),
    });
    expect(defaultDedupKey(alert)).toBe('alert|Disk full|high');
  });

  it('builds a metric alert with the logging rule for severity', () => {
    const alert = metricAlert('queue.depth', 250, 100, undefined, 0);
    expect(alert).toMatchObject({
      kind: 'metric',
      title: 'Metric queue.depth breached its threshold',
      message: 'queue.depth is 250, threshold 100',
      severity: 'high',
      metricName: 'queue.depth',
      currentValue: 250,
      threshold: 100,
      context: {},
    });
    expect(metricAlert('queue.depth', 150, 100, undefined, 0).severity).toBe('medium');
  });

  it('names the SLO and uses its message when the context has them', () => {
    const alert = metricAlert('lat', 300, 200, { slo: 'api.p99', message: 'p99 is 300 ms' }, 0);
    expect(alert.title).toBe('SLO api.p99 violated (lat)');
    expect(alert.message).toBe('p99 is 300 ms');
    expect(defaultDedupKey(alert)).toBe('metric|SLO api.p99 violated (lat)|medium');
  });
});

import { MonitorConfigError, isMonitorError } from '@lexigram/monitor-core';
import { DEFAULT_SLO_WINDOW_MS, SLO } from '../../src/index.js';

const valid = {
  name: 'api.p99',
  metric: 'http.request.duration',
  percentile: 0.99,
  thresholdMs: 200,
};

function errorOf(fn: () => unknown): MonitorConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MonitorConfigError) return error;
    throw error;
  }
  throw new Error('expected a MonitorConfigError');
}

describe('SLO', () => {
  it('keeps its fields and applies the defaults', () => {
    const slo = new SLO(valid);
    expect(slo).toMatchObject({
      ...valid,
      windowMs: DEFAULT_SLO_WINDOW_MS,
      burnRateThreshold: 1,
      description: '',
    });
    expect(DEFAULT_SLO_WINDOW_MS).toBe(3_600_000);
    expect(Object.isFrozen(slo)).toBe(true);
    expect(String(slo)).toBe('api.p99: p99 of http.request.duration < 200 ms over 1h');
  });

  it('takes an explicit window, burn-rate threshold and description', () => {
    const slo = new SLO({ ...valid, windowMs: 300_000, burnRateThreshold: 1.5, description: 'd' });
    expect(slo.windowMs).toBe(300_000);
    expect(slo.burnRateThreshold).toBe(1.5);
    expect(slo.description).toBe('d');
  });

  it.each([
    ['percentile', { percentile: 1 }],
    ['percentile', { percentile: 0 }],
    ['percentile', { percentile: Number.NaN }],
    ['thresholdMs', { thresholdMs: 0 }],
    ['thresholdMs', { thresholdMs: -5 }],
    ['windowMs', { windowMs: 0 }],
    ['burnRateThreshold', { burnRateThreshold: 0 }],
    ['name', { name: '' }],
    ['metric', { metric: '  ' }],
  ])('rejects a bad %s with an error naming it', (field, patch) => {
    const error = errorOf(() => new SLO({ ...valid, ...patch }));
    expect(isMonitorError(error, 'INVALID_CONFIG')).toBe(true);
    expect(error.fields.map((f) => f.path)).toEqual([field]);
    expect(error.message).toContain(`${field}:`);
  });

  it('lists every bad field in one error', () => {
    const error = errorOf(() => new SLO({ ...valid, percentile: 99, thresholdMs: 0 }));
    expect(error.fields.map((f) => f.path)).toEqual(['percentile', 'thresholdMs']);
    expect(error.message).toContain(
      'strictly between 0 and 1, e.g. 0.99 for p99, got a number (99)',
    );
  });
});

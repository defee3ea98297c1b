import { MonitorConfigError } from '@lexigram/monitor-core';
import { parseRuntimeMetricsConfig } from '../../src/config/runtimeMetricsConfig.js';

describe('parseRuntimeMetricsConfig', () => {
  it('applies the defaults', () => {
    const c = parseRuntimeMetricsConfig();
    expect(c.prefix).toBe('runtime_');
    expect(c.windowMs).toBe(10_000);
    expect(c.gcDurationBuckets[0]).toBe(0.0005);
    expect(c.maxHandleTypes).toBe(32);
  });

  it('accepts an empty prefix', () => {
    expect(parseRuntimeMetricsConfig({ prefix: '' }).prefix).toBe('');
  });

  it('names bad fields', () => {
    expect(() =>
      parseRuntimeMetricsConfig({ prefix: '1bad', windowMs: 5, gcDurationBuckets: [1, 0.5] }),
    ).toThrow(MonitorConfigError);
    try {
      parseRuntimeMetricsConfig({ prefix: '1bad', windowMs: 5, gcDurationBuckets: [1, 0.5] });
    } catch (e) {
      const fields = (e as MonitorConfigError).fields;
      expect(fields.map((f) => f.path).sort()).toEqual(['gcDurationBuckets', 'prefix', 'windowMs']);
      expect(fields.find((f) => f.path === 'gcDurationBuckets')!.message).toBe(
        'gcDurationBuckets must be strictly ascending',
      );
      expect(fields.find((f) => f.path === 'windowMs')!.message).toBe(
        'must be at least 10 ms, got a number (5)',
      );
    }
  });
});

import fc from 'fast-check';
import { MonitorConfigError } from '@lexigram/monitor-core';
import { SimpleSpanProcessor } from '../../src/index.js';

const exporter = { export: async () => {} };

describe('SimpleSpanProcessor validates its options (F15)', () => {
  it('the values of the findings note are MonitorConfigErrors naming the field', () => {
    for (const [field, value] of [
      ['maxPendingExports', -5],
      ['maxPendingExports', 0.5],
      ['maxPendingExports', 'abc'],
      ['exportTimeoutMs', 'abc'],
      ['exportTimeoutMs', -1],
      ['exportTimeoutMs', 2 ** 31],
      ['shutdownTimeoutMs', 30 * 86_400_000],
    ] as const) {
      expect(() => new SimpleSpanProcessor(exporter, { [field]: value })).toThrow(
        MonitorConfigError,
      );
      expect(() => new SimpleSpanProcessor(exporter, { [field]: value })).toThrow(field);
    }
  });

  it('accepts exactly the positive integers for maxPendingExports', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean()), (value) => {
        const valid = typeof value === 'number' && Number.isInteger(value) && value >= 1;
        const make = () => new SimpleSpanProcessor(exporter, { maxPendingExports: value as never });
        if (valid) expect(make).not.toThrow();
        else expect(make).toThrow(/maxPendingExports/);
      }),
    );
  });
});

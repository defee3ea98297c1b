import { MonitorConfigError } from '@lexigram/monitor-core';
import { FieldChecker, describe as describeValue } from '../../src/internal/validate.js';

describe('FieldChecker', () => {
  it('collects every problem and throws one MonitorConfigError naming the source', () => {
    const check = new FieldChecker('SLO "x"');
    check.nonEmptyString('name', 5);
    check.positive('thresholdMs', -1);
    check.integerAtLeast('slots', 1.5, 1);
    check.openFraction('percentile', 1, '0.99');
    expect(check.count).toBe(4);
    expect(() => check.throwIfInvalid()).toThrow(MonitorConfigError);
    expect(() => check.throwIfInvalid()).toThrow(
      /Invalid monitor configuration \(from SLO "x"\): 4 fields to fix:\n {2}- name: must be a non-empty string \(got 5\)/,
    );
  });

  it('does nothing when all is well', () => {
    const check = new FieldChecker('x');
    check.positive('a', 1);
    expect(() => check.throwIfInvalid()).not.toThrow();
  });

  it('describes values safely', () => {
    expect(describeValue('a')).toBe('"a"');
    expect(describeValue(null)).toBe('null');
    expect(describeValue({})).toBe('object');
  });
});

import {
  hrTimeDuration,
  hrTimeNow,
  hrTimeToMillis,
  hrTimeToNanos,
  isAttributeValue,
  millisToHrTime,
} from '@lexigram/monitor-core';

describe('HrTime', () => {
  it('converts epoch ms to [s, ns] and back', () => {
    expect(millisToHrTime(1_700_000_000_123.5)).toEqual([1_700_000_000, 123_500_000]);
    expect(hrTimeToMillis([1, 500_000])).toBe(1000.5);
    expect(hrTimeToNanos([2, 5])).toBe(2_000_000_005n);
  });

  it('computes durations across a second boundary', () => {
    expect(hrTimeDuration([10, 900_000_000], [11, 100_000_000])).toEqual([0, 200_000_000]);
  });

  it('now is close to Date.now and monotonic', () => {
    const a = hrTimeNow();
    const b = hrTimeNow();
    expect(Math.abs(hrTimeToMillis(a) - Date.now())).toBeLessThan(1000);
    expect(hrTimeToNanos(b) >= hrTimeToNanos(a)).toBe(true);
  });
});

describe('isAttributeValue', () => {
  it.each([['s'], [1], [true], [['a', 'b']], [[1, 2]], [[]]])('accepts %p', (v) => {
    expect(isAttributeValue(v)).toBe(true);
  });
  it.each([[null], [undefined], [{}], [[1, 'a']], [[null]], [() => 1], [Symbol('x')], [10n]])(
    'rejects %p',
    (v) => {
      expect(isAttributeValue(v)).toBe(false);
    },
  );
});

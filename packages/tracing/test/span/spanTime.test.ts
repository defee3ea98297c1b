import fc from 'fast-check';
import { hrTimeToMillis, millisToHrTime } from '@lexigram/monitor-core';
import { isTimeInput, now, relativeToHrTime, toRelative } from '../../src/span/spanTime.js';

describe('span time', () => {
  it('turns readings into epoch HrTime close to Date.now()', () => {
    const hr = relativeToHrTime(now());
    expect(Math.abs(hrTimeToMillis(hr) - Date.now())).toBeLessThan(50);
    expect(hr[1]).toBeGreaterThanOrEqual(0);
    expect(hr[1]).toBeLessThan(1e9);
  });

  it('round-trips epoch times through readings to within a microsecond', () => {
    for (const epochMs of [1_700_000_000_000, 1_700_000_000_999.5, performance.timeOrigin - 5]) {
      const hr = relativeToHrTime(toRelative(epochMs));
      expect(Math.abs(hrTimeToMillis(hr) - epochMs)).toBeLessThan(0.001);
      const fromHr = relativeToHrTime(toRelative(millisToHrTime(epochMs)));
      expect(Math.abs(hrTimeToMillis(fromHr) - epochMs)).toBeLessThan(0.001);
    }
  });

  it('recognizes time inputs', () => {
    expect(isTimeInput(1)).toBe(true);
    expect(isTimeInput([1, 2])).toBe(true);
    expect(isTimeInput(Number.NaN)).toBe(false);
    expect(isTimeInput([1, 1e9])).toBe(false);
    expect(isTimeInput([1])).toBe(false);
    expect(isTimeInput('1')).toBe(false);
  });
});

describe('exact epoch times survive the origin-relative round trip', () => {
  // One rounding, not two: whatever the process's time origin, an epoch time given exactly (whole
  // or half milliseconds, or an HrTime) comes back to the nanosecond.
  it('for epoch milliseconds (whole, half and quarter ms)', () => {
    fc.assert(
      fc.property(
        // Span times near the process's own time (within a day of it either way).
        fc.integer({ min: -86_400, max: 86_400 }),
        fc.integer({ min: 0, max: 3999 }),
        (offset, quarterMs) => {
          const seconds = Math.trunc(performance.timeOrigin / 1000) + offset;
          const epochMs = seconds * 1000 + quarterMs / 4;
          const expected = [seconds, (quarterMs / 4) * 1_000_000];
          expect(relativeToHrTime(toRelative(epochMs))).toEqual(expected);
        },
      ),
    );
  });

  it('for HrTime with whole microseconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -86_400, max: 86_400 }),
        fc.integer({ min: 0, max: 999_999 }),
        (offset, micros) => {
          const seconds = Math.trunc(performance.timeOrigin / 1000) + offset;
          const time: [number, number] = [seconds, micros * 1000];
          expect(relativeToHrTime(toRelative(time))).toEqual(time);
        },
      ),
    );
  });
});

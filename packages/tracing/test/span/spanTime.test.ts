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

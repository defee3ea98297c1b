import {
  activeResourceTypes,
  countActiveResources,
  countActiveResourcesByType,
} from '../../src/sampling/activeResources.js';

describe('active resources', () => {
  it('counts a timer among the active resources, by type', () => {
    const before = countActiveResourcesByType()!.get('Timeout') ?? 0;
    const timers = [setTimeout(() => {}, 10_000), setTimeout(() => {}, 10_000)];
    try {
      const byType = countActiveResourcesByType()!;
      expect(byType.get('Timeout')).toBe(before + 2);
      const types = activeResourceTypes()!;
      expect(countActiveResources()).toBe(types.length);
      expect([...byType.values()].reduce((a, b) => a + b, 0)).toBe(types.length);
    } finally {
      timers.forEach(clearTimeout);
    }
    expect(countActiveResourcesByType()!.get('Timeout') ?? 0).toBe(before);
  });

  it('answers undefined where Node lacks getActiveResourcesInfo', () => {
    const original = process.getActiveResourcesInfo;
    (process as { getActiveResourcesInfo?: unknown }).getActiveResourcesInfo = undefined;
    try {
      expect(activeResourceTypes()).toBeUndefined();
      expect(countActiveResources()).toBeUndefined();
      expect(countActiveResourcesByType()).toBeUndefined();
    } finally {
      process.getActiveResourcesInfo = original;
    }
  });
});

import { MonitorConfigError, isMonitorError } from '@lexigram/monitor-core';
import {
  PerformanceMonitorConfigSchema,
  parsePerformanceMonitorConfig,
} from '../../src/config/performanceMonitorConfig.js';

describe('parsePerformanceMonitorConfig', () => {
  it('applies the defaults', () => {
    expect(parsePerformanceMonitorConfig()).toEqual({
      samplingIntervalMs: 1000,
      maxSnapshots: 1000,
      maxFunctionProfiles: 100,
      trackEventLoop: true,
      eventLoopResolutionMs: 10,
      trackGc: true,
      trackActiveHandles: true,
    });
  });

  it('keeps given values', () => {
    const c = parsePerformanceMonitorConfig({ samplingIntervalMs: 100, trackGc: false });
    expect(c.samplingIntervalMs).toBe(100);
    expect(c.trackGc).toBe(false);
    expect(c.maxSnapshots).toBe(1000);
  });

  it('names every bad field in one MonitorConfigError', () => {
    let error: unknown;
    try {
      parsePerformanceMonitorConfig({
        samplingIntervalMs: 0,
        maxSnapshots: 1.5,
        trackGc: 'yes' as never,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MonitorConfigError);
    expect(isMonitorError(error, 'INVALID_CONFIG')).toBe(true);
    const e = error as MonitorConfigError;
    expect(e.fields.map((f) => f.path).sort()).toEqual([
      'maxSnapshots',
      'samplingIntervalMs',
      'trackGc',
    ]);
    expect(e.message).toContain('PerformanceMonitorConfig');
    expect(e.message).toContain('samplingIntervalMs: must be at least 1 ms, got a number (0)');
    expect(e.message).toContain('maxSnapshots must be a whole number');
    expect(e.message).toContain('trackGc must be true or false');
  });

  it('rejects unknown fields, naming the typo', () => {
    expect(() => parsePerformanceMonitorConfig({ samplingInterval: 5 } as never)).toThrow(
      /samplingInterval: unknown field/,
    );
  });

  it('exposes the schema for composition', () => {
    expect(PerformanceMonitorConfigSchema.safeParse({ maxFunctionProfiles: 0 }).success).toBe(true);
    expect(PerformanceMonitorConfigSchema.safeParse({ maxFunctionProfiles: -1 }).success).toBe(
      false,
    );
  });
});

import { GcKind } from '../../src/model/gcKind.js';
import { PerformanceMonitorState } from '../../src/model/performanceMonitorState.js';

describe('enums', () => {
  it('PerformanceMonitorState names its string values', () => {
    expect(PerformanceMonitorState).toEqual({
      Idle: 'idle',
      Running: 'running',
      Stopped: 'stopped',
    });
  });

  it('GcKind names its string values', () => {
    expect(Object.values(GcKind)).toEqual(['minor', 'major', 'incremental', 'weakcb']);
  });
});

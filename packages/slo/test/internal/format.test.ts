import {
  displayValue,
  formatDurationMs,
  formatNumber,
  percentileLabel,
} from '../../src/internal/format.js';

describe('format helpers', () => {
  it('writes durations in the largest whole unit', () => {
    expect(formatDurationMs(3_600_000)).toBe('1h');
    expect(formatDurationMs(259_200_000)).toBe('3d');
    expect(formatDurationMs(300_000)).toBe('5m');
    expect(formatDurationMs(90_000)).toBe('90s');
    expect(formatDurationMs(1500)).toBe('1500ms');
  });

  it('names percentiles', () => {
    expect(percentileLabel(0.99)).toBe('p99');
    expect(percentileLabel(0.999)).toBe('p99.9');
    expect(percentileLabel(0.5)).toBe('p50');
  });

  it('rounds numbers for messages', () => {
    expect(formatNumber(16.94915)).toBe('16.95');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });

  it('renders context values as text', () => {
    expect(displayValue('a')).toBe('a');
    expect(displayValue(1.23456789)).toBe('1.2346');
    expect(displayValue(3)).toBe('3');
    expect(displayValue(true)).toBe('true');
    expect(displayValue(null)).toBe('null');
    expect(displayValue(undefined)).toBe('undefined');
    expect(displayValue(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(displayValue({ a: [1] })).toBe('{"a":[1]}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(displayValue(cyclic)).toBe('[object Object]');
  });
});

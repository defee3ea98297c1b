import { MonitorConfigError } from '@lexigram/monitor-core';
import { newTraceId } from '../../src/ids/randomIds.js';
import { TraceIdRatioSampler } from '../../src/sampling/traceIdRatioSampler.js';

describe('TraceIdRatioSampler', () => {
  it('keeps about the ratio of random traces', () => {
    const sampler = new TraceIdRatioSampler(0.25);
    let kept = 0;
    for (let i = 0; i < 20_000; i++) if (sampler.shouldSample(newTraceId())) kept++;
    // 5000 expected; the standard deviation is about 61.
    expect(kept).toBeGreaterThan(4600);
    expect(kept).toBeLessThan(5400);
  });

  it('decides from the trace id alone: the same id gets the same decision anywhere', () => {
    const a = new TraceIdRatioSampler(0.5);
    const b = new TraceIdRatioSampler(0.5);
    for (let i = 0; i < 1000; i++) {
      const id = newTraceId();
      expect(b.shouldSample(id)).toBe(a.shouldSample(id));
    }
    // Known ids: the last 13 hex digits are compared with ratio * 2^52.
    expect(a.shouldSample(`${'f'.repeat(19)}7ffffffffffff`)).toBe(true);
    expect(a.shouldSample(`${'0'.repeat(19)}8000000000000`)).toBe(false);
  });

  it('is consistent across ratios: a trace kept at a lower ratio is kept at a higher one', () => {
    const low = new TraceIdRatioSampler(0.1);
    const high = new TraceIdRatioSampler(0.6);
    for (let i = 0; i < 2000; i++) {
      const id = newTraceId();
      if (low.shouldSample(id)) expect(high.shouldSample(id)).toBe(true);
    }
  });

  it('handles 0 and 1 and rejects other values with a config error', () => {
    expect(new TraceIdRatioSampler(0).shouldSample(`${'f'.repeat(32)}`)).toBe(false);
    expect(new TraceIdRatioSampler(1).shouldSample(`${'f'.repeat(32)}`)).toBe(true);
    expect(() => new TraceIdRatioSampler(1.5)).toThrow(MonitorConfigError);
    expect(() => new TraceIdRatioSampler(Number.NaN)).toThrow(/tracing.sampleRate/);
    expect(String(new TraceIdRatioSampler(0.3))).toBe('TraceIdRatioSampler{0.3}');
  });
});

import { MonitorConfigError, type SpanContextData } from '@lexigram/monitor-core';
import { RateLimitingSampler } from '../../src/sampling/rateLimitingSampler.js';

const parent = (sampled: boolean, isRemote: boolean): SpanContextData => ({
  traceId: 'a'.repeat(32),
  spanId: 'b'.repeat(16),
  traceFlags: sampled ? 1 : 0,
  isRemote,
});

describe('RateLimitingSampler', () => {
  it('keeps at most maxTracesPerSecond new traces, refilling with time', () => {
    let now = 0;
    const sampler = new RateLimitingSampler(10, () => now);
    const id = 'a'.repeat(32);
    const take = (n: number) => {
      let kept = 0;
      for (let i = 0; i < n; i++) if (sampler.shouldSample(id, undefined)) kept++;
      return kept;
    };
    expect(take(50)).toBe(10);
    now += 500;
    expect(take(50)).toBe(5);
    now += 10_000;
    expect(take(50)).toBe(10); // the bucket holds one second's worth at most
  });

  it('lets local children follow their parent and rate-limits remote parents', () => {
    let now = 0;
    const sampler = new RateLimitingSampler(1, () => now);
    const id = 'a'.repeat(32);
    expect(sampler.shouldSample(id, parent(true, true))).toBe(true);
    expect(sampler.shouldSample(id, parent(true, true))).toBe(false);
    expect(sampler.shouldSample(id, parent(true, false))).toBe(true);
    expect(sampler.shouldSample(id, parent(false, false))).toBe(false);
    now += 1000;
    expect(sampler.shouldSample(id, undefined)).toBe(true);
  });

  it('rejects a non-positive rate', () => {
    expect(() => new RateLimitingSampler(0)).toThrow(/tracing.maxTracesPerSecond/);
    expect(() => new RateLimitingSampler(Number.POSITIVE_INFINITY)).toThrow(MonitorConfigError);
    expect(String(new RateLimitingSampler(5))).toBe('RateLimitingSampler{5/s}');
  });

  it('uses the real clock by default', () => {
    const sampler = new RateLimitingSampler(2);
    const kept = [1, 2, 3].map(() => sampler.shouldSample('a'.repeat(32), undefined));
    expect(kept).toEqual([true, true, false]);
  });
});

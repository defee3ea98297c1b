import { SamplerType } from '@lexigram/monitor-core';
import { AlwaysOffSampler } from '../../src/sampling/alwaysOffSampler.js';
import { createSampler } from '../../src/sampling/createSampler.js';

describe('createSampler', () => {
  const base = { sampleRate: 0.5, maxTracesPerSecond: 7 };
  it.each([
    [SamplerType.AlwaysOn, 'AlwaysOnSampler'],
    [SamplerType.AlwaysOff, 'AlwaysOffSampler'],
    [SamplerType.Probability, 'TraceIdRatioSampler{0.5}'],
    [SamplerType.ParentBased, 'ParentBasedSampler{root=TraceIdRatioSampler{0.5}}'],
    [SamplerType.RateLimiting, 'RateLimitingSampler{7/s}'],
  ])('builds %s', (samplerType, description) => {
    expect(String(createSampler({ ...base, samplerType }))).toBe(description);
  });

  it('samples nothing when tracing is disabled', () => {
    expect(createSampler({ ...base, samplerType: 'always_on', enabled: false })).toBeInstanceOf(
      AlwaysOffSampler,
    );
  });
});

import { SamplerType, type TracingConfig } from '@lexigram/monitor-core';
import { AlwaysOffSampler } from './alwaysOffSampler.js';
import { AlwaysOnSampler } from './alwaysOnSampler.js';
import { ParentBasedSampler } from './parentBasedSampler.js';
import { RateLimitingSampler } from './rateLimitingSampler.js';
import type { Sampler } from './sampler.js';
import { TraceIdRatioSampler } from './traceIdRatioSampler.js';

/**
 * The sampler a tracing config names:
 *
 * | samplerType     | sampler                                                        |
 * |-----------------|----------------------------------------------------------------|
 * | `always_on`     | {@link AlwaysOnSampler}                                        |
 * | `always_off`    | {@link AlwaysOffSampler}                                       |
 * | `probability`   | {@link TraceIdRatioSampler} of `sampleRate`                    |
 * | `parent_based`  | {@link ParentBasedSampler}, roots by ratio of `sampleRate`     |
 * | `rate_limiting` | {@link RateLimitingSampler} of `maxTracesPerSecond`            |
 *
 * With `enabled: false` nothing is sampled.
 */
export function createSampler(
  config: Pick<TracingConfig, 'samplerType' | 'sampleRate' | 'maxTracesPerSecond'> & {
    enabled?: boolean;
  },
): Sampler {
  if (config.enabled === false) return new AlwaysOffSampler();
  switch (config.samplerType) {
    case SamplerType.AlwaysOn:
      return new AlwaysOnSampler();
    case SamplerType.AlwaysOff:
      return new AlwaysOffSampler();
    case SamplerType.Probability:
      return new TraceIdRatioSampler(config.sampleRate);
    case SamplerType.ParentBased:
      return new ParentBasedSampler({ root: new TraceIdRatioSampler(config.sampleRate) });
    case SamplerType.RateLimiting:
      return new RateLimitingSampler(config.maxTracesPerSecond);
  }
}

import type { Sampler } from './sampler.js';

/** Samples nothing: every span is non-recording (context still propagates). */
export class AlwaysOffSampler implements Sampler {
  shouldSample(): boolean {
    return false;
  }

  toString(): string {
    return 'AlwaysOffSampler';
  }
}

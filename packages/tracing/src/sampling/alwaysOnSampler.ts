import type { Sampler } from './sampler.js';

/** Samples every span. */
export class AlwaysOnSampler implements Sampler {
  shouldSample(): boolean {
    return true;
  }

  toString(): string {
    return 'AlwaysOnSampler';
  }
}

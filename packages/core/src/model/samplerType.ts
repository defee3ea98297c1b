/** Tracing sampling strategies. */
export const SamplerType = {
  AlwaysOn: 'always_on',
  AlwaysOff: 'always_off',
  Probability: 'probability',
  ParentBased: 'parent_based',
  RateLimiting: 'rate_limiting',
} as const;

/** One of `'always_on' | 'always_off' | 'probability' | 'parent_based' | 'rate_limiting'`. */
export type SamplerType = (typeof SamplerType)[keyof typeof SamplerType];

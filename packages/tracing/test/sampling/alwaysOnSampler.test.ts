import { SpanKind } from '@lexigram/monitor-core';
import { AlwaysOnSampler } from '../../src/sampling/alwaysOnSampler.js';
import type { Sampler } from '../../src/sampling/sampler.js';

describe('AlwaysOnSampler', () => {
  it('samples every span, with or without a parent', () => {
    const sampler: Sampler = new AlwaysOnSampler();
    const unsampledParent = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 0 };
    expect(sampler.shouldSample('a'.repeat(32), undefined, 'x', SpanKind.Internal)).toBe(true);
    expect(sampler.shouldSample('a'.repeat(32), unsampledParent, 'x', SpanKind.Server)).toBe(true);
    expect(String(sampler)).toBe('AlwaysOnSampler');
  });
});

import { SpanKind, type SpanContextData } from '@lexigram/monitor-core';
import { AlwaysOffSampler } from '../../src/sampling/alwaysOffSampler.js';
import { AlwaysOnSampler } from '../../src/sampling/alwaysOnSampler.js';
import { ParentBasedSampler } from '../../src/sampling/parentBasedSampler.js';

const KIND = SpanKind.Internal;
const parent = (sampled: boolean, isRemote: boolean): SpanContextData => ({
  traceId: 'a'.repeat(32),
  spanId: 'b'.repeat(16),
  traceFlags: sampled ? 1 : 0,
  isRemote,
});

describe('ParentBasedSampler', () => {
  it('follows the parent and asks the root sampler for roots', () => {
    const sampler = new ParentBasedSampler({ root: new AlwaysOffSampler() });
    const id = 'a'.repeat(32);
    expect(sampler.shouldSample(id, undefined, 'x', KIND)).toBe(false);
    expect(sampler.shouldSample(id, parent(true, true), 'x', KIND)).toBe(true);
    expect(sampler.shouldSample(id, parent(false, true), 'x', KIND)).toBe(false);
    expect(sampler.shouldSample(id, parent(true, false), 'x', KIND)).toBe(true);
    expect(sampler.shouldSample(id, parent(false, false), 'x', KIND)).toBe(false);
    expect(String(sampler)).toBe('ParentBasedSampler{root=AlwaysOffSampler}');
  });

  it('lets each parent case be overridden', () => {
    const sampler = new ParentBasedSampler({
      root: new AlwaysOnSampler(),
      remoteParentNotSampled: new AlwaysOnSampler(),
      localParentSampled: new AlwaysOffSampler(),
    });
    const id = 'a'.repeat(32);
    expect(sampler.shouldSample(id, parent(false, true), 'x', KIND)).toBe(true);
    expect(sampler.shouldSample(id, parent(true, false), 'x', KIND)).toBe(false);
  });
});

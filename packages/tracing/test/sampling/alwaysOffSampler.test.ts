import { AlwaysOffSampler } from '../../src/sampling/alwaysOffSampler.js';
import { Tracer } from '../../src/tracer/tracer.js';

describe('AlwaysOffSampler', () => {
  it('samples nothing, yet spans still carry a propagatable context', () => {
    const sampler = new AlwaysOffSampler();
    expect(sampler.shouldSample()).toBe(false);
    expect(String(sampler)).toBe('AlwaysOffSampler');
    const tracer = new Tracer({ sampler, trackLeaks: false });
    const carrier: Record<string, string> = {};
    tracer.startActiveSpan('unsampled', () => tracer.injectContext(carrier));
    expect(carrier.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-02$/);
  });
});

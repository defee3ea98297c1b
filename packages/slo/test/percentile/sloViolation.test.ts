import { SLO, SLOViolation } from '../../src/index.js';

const slo = new SLO({
  name: 'api.p99',
  metric: 'http.request.duration',
  percentile: 0.99,
  thresholdMs: 200,
});

describe('SLOViolation', () => {
  it('computes the burn rate and writes a message when none is given', () => {
    const detectedAt = new Date('2024-05-01T12:00:00Z');
    const v = new SLOViolation({ slo, measuredValueMs: 350, detectedAt, sampleCount: 42 });
    expect(v.burnRate).toBe(1.75);
    expect(v.detectedAt).toBe(detectedAt);
    expect(v.sampleCount).toBe(42);
    expect(v.severity).toBe('medium');
    expect(v.message).toBe(
      'SLO api.p99 violated: p99 of http.request.duration is 350 ms over the last 1h, threshold 200 ms (burn rate 1.75x, alerting at 1x)',
    );
  });

  it('keeps a given message and is high when over twice the threshold', () => {
    const v = new SLOViolation({ slo, measuredValueMs: 401, message: 'custom' });
    expect(v.message).toBe('custom');
    expect(v.severity).toBe('high');
    expect(v.detectedAt).toBeInstanceOf(Date);
  });
});

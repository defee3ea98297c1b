import { runDemo } from './support/runDemo.js';

describe('examples/demo: slo section', () => {
  it('shows percentile SLOs, error budgets, burn-rate alerts and webhook delivery', () => {
    const out = runDemo('slo');
    expect(out).toContain(
      '=== slo: percentile SLOs, error budgets, burn-rate alerts, alert dispatch ===',
    );
    expect(out).toMatch(/p99 of 100000 samples: \d+\.\d ms \(burn rate 1\.\d\dx\)/);
    expect(out).toMatch(/WARN\s+SLO api\.p99 violated: p99 of http\.request\.duration is/);
    expect(out).toContain('hook alertFired: api.p99 (medium)');
    expect(out).toContain('a minute later the slow samples left the window: 0 violations');
    expect(out).toMatch(/checkout: 200 bad of 432200, 53\.7 % of the error budget left/);
    expect(out).toContain('burn-rate alert: SLO checkout: page (page-1h)');
    expect(out).toContain('hook alertFired: checkout/page-1h (critical)');
    expect(out).toMatch(/slack received: :rotating_light: \[HIGH\] SLO api\.p99 violated/);
    expect(out).toContain('slack stats: delivered=1 retries=1 deduplicated=1');
    expect(out).toContain('Demo finished.');
  });
});

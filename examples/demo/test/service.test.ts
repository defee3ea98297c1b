import { runDemo } from './support/runDemo.js';

describe('examples/demo: the monitored service (npm run demo)', () => {
  let out = '';
  beforeAll(() => {
    out = runDemo();
  }, 120_000);

  it('finds every installed package and starts two services on loopback', () => {
    expect(out).toContain('installed: metrics, otlp, tracing, health, profiling, slo, middleware');
    expect(out).toMatch(
      /shop http:\/\/127\.0\.0\.1:\d+ {2}-> {2}inventory http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(out).toContain('load [##############################] 300/300');
  });

  it('reads per-route rate, error rate and percentiles back from its own /metrics', () => {
    const row = (route: string): string[] => {
      const line = out.split('\n').find((l) => l.trim().startsWith(`${route} `));
      expect(line).toBeDefined();
      return line!.trim().split(/\s+/);
    };
    // The rotation is fixed: of 300 requests, 1 in 18 goes to /fail and every one of them fails.
    expect(row('/fail')[2]).toBe('100.0%');
    expect(row('/fast')[2]).toBe('0.0%');
    expect(row('/checkout')[2]).toBe('0.0%');
    // /slow sleeps 60 ms: its median cannot be under that.
    expect(Number(row('/slow')[3])).toBeGreaterThanOrEqual(60);
    expect(Number(row('/fast')[3])).toBeLessThan(Number(row('/slow')[3]));
  });

  it('draws one trace that crosses both processes', () => {
    expect(out).toMatch(/trace [0-9a-f]{32}: 4 spans, services: shop, inventory/);
    expect(out).toMatch(/GET \/checkout \[shop\]/);
    expect(out).toMatch(/ {4}GET \/inventory \[inventory\]/);
    expect(out).toMatch(/ {6}db\.query stock \[inventory\]/);
  });

  it('shows health, SLO budgets and runtime figures', () => {
    expect(out).toContain('overall: healthy');
    expect(out).toContain('- inventory: healthy');
    // 300 requests in an 18-step rotation with one /fail: 16 or 17 bad.
    expect(out).toMatch(/shop\.availability \(availability, objective 99%\): 1[67]\/300 bad/);
    expect(out).toMatch(/burn rate \d+\.\d\dx/);
    expect(out).toMatch(/rss \d+\.\d MB, heap used \d+\.\d MB/);
  });

  it('drains gracefully: readiness fails, liveness stays, the in-flight request finishes', () => {
    expect(out).toContain('while draining: /health/ready -> 503, /health/live -> 200');
    expect(out).toContain('in-flight request: finished during drain');
    expect(out).toMatch(/\[drain\] in-flight requests finish: done/);
    expect(out).toMatch(/\[close\] backend \(final push\): done/);
    expect(out).toContain('Demo finished.');
    expect(out).not.toMatch(/: (failed|timeout|skipped) \(/);
  });
});

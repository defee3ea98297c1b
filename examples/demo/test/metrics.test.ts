import { runDemo } from './support/runDemo.js';

describe('examples/demo: metrics section', () => {
  it('shows instruments, the collector, buffering, metered and the console export', () => {
    const out = runDemo('metrics');
    expect(out).toContain(
      '=== metrics: instruments, collector, buffered recorder, metered, console export ===',
    );
    expect(out).toContain('counter: GET/200 via its bound handle = 5, POST/201 = 1');
    expect(out).toMatch(/warning: Metric "demo_requests_total" reached its cardinality cap of 3/);
    expect(out).toMatch(/invalid: INVALID_METRIC: Unknown label "region"/);
    expect(out).toContain('buffered: 10 pending, stop() flushed 10');
    expect(out).toContain('metered: paid 1250');
    expect(out).toMatch(/collect: left out demo_broken_gauge: .*sensor offline/);
    expect(out).toContain('demo_requests_total{service="shop",method="GET",status="200"} 5');
    expect(out).toContain('demo_requests_total{service="shop",method="GET",status=""} 1');
    expect(out).toContain('demo_requests_total{service="shop",lexigram_overflow="true"} 3');
    expect(out).toContain('demo_queue_depth{service="shop"} 9');
    expect(out).toContain('demo_pool_size{service="shop"} 4');
    expect(out).toContain('demo_jobs_done_total{service="shop",queue="mail"} 10');
    expect(out).toMatch(
      /demo_latency_seconds\{service="shop",route="\/cart"\} count=4 sum=1\.29 le\(0\.05\)=1 le\(0\.1\)=2 le\(0\.5\)=3 le\(\+Inf\)=4/,
    );
    expect(out).toMatch(
      /demo_rpc_seconds\{service="shop"\} count=100 sum=5\.05 q\(0\.5\)=0\.05\d* q\(0\.99\)=0\.09\d*/,
    );
    expect(out).toMatch(/# histogram demo_shop\.fetchUser\.duration \(s\)/);
    expect(out).toMatch(/# histogram demo_shop\.Checkout\.pay\.duration \(s\)/);
    expect(out).not.toContain('demo_broken_gauge{');
    expect(out).toMatch(/hook: metricRecorded fired \d+ times/);
    expect(out).toContain('Demo finished.');
  });
});

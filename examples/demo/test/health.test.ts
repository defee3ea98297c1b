import { runDemo } from './support/runDemo.js';

describe('examples/demo: health section', () => {
  it('runs checks, renders them, caches and drains', () => {
    const out = runDemo('health');
    expect(out).toContain('=== health: checks, probes, renderers, caching, drain ===');
    expect(out).toContain('readiness checks: cache, database, payments, search');
    expect(out).toContain('liveness checks: process');
    expect(out).toContain('  cache: degraded (slow: 180 ms)');
    expect(out).toContain('  payments: unhealthy (check timed out after 50 ms)');
    expect(out).toContain('  search: unhealthy (check rejected with Error: ECONNREFUSED');
    expect(out).toContain('readiness: degraded');
    expect(out).toContain('reference JSON: HTTP 207 application/json');
    expect(out).toMatch(/IETF health\+json: HTTP 200 \{"status":"warn","serviceId":"demo"/);
    expect(out).not.toMatch(/"output"/); // details hidden in that call
    expect(out).toContain('  [-]payments failed: check timed out after 50 ms');
    expect(out).toContain('  readyz check passed');
    expect(out).toContain('cached checker: 101 callers, 1 run of the checks');
    expect(out).toContain('draining: readyz HTTP 503, livez HTTP 200');
    expect(out).toContain('shutdown hooks: completed=close-server timedOut=flush-exporters');
    expect(out).toContain('healthCheckRun hook fired 6 times');
    expect(out).toContain('Demo finished.');
  });
});

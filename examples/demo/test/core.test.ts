import { runDemo } from './support/runDemo.js';

describe('examples/demo: core section', () => {
  it('runs on embedded defaults and shows what core gives', () => {
    const out = runDemo('core');
    expect(out).toContain('=== core: config, logging, no-op facade, backend discovery ===');
    expect(out).toContain('config: backend=memory service=demo-service');
    expect(out).toMatch(/validate\(production\): error debug/);
    expect(out).toContain('"[REDACTED]"');
    expect(out).not.toContain('hunter2');
    expect(out).toContain('no-op facade: span and metrics run harmlessly, result=42');
    expect(out).toContain('hook: alert demo-alert (low)');
    expect(out).toContain('discovery: prometheus -> PrometheusBackend');
    expect(out).toContain('discovery: Monitoring backend "datadog" is not available');
    expect(out).toContain('Demo finished.');
  });
});

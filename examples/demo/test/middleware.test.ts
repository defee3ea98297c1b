import { runDemo } from './support/runDemo.js';

describe('examples/demo: middleware section', () => {
  it('traces two services as one trace, measures routes and serves health and metrics', () => {
    const out = runDemo('middleware');
    expect(out).toContain(
      '=== middleware: request spans, RED metrics, /metrics, /health, outgoing calls ===',
    );
    expect(out).toMatch(/GET \/health\/ready: HTTP 200 \{"status":"healthy"/);
    expect(out).toMatch(/stock service received traceparent 00-[0-9a-f]{32}-[0-9a-f]{16}-0[13]/);
    expect(out).toContain('one trace across both services for /buy/a1: true');
    expect(out).toContain(
      'spans: client GET, client GET, server GET, server GET /buy/:sku, server GET /buy/:sku, server GET /stock/:sku, server GET /stock/:sku',
    );
    expect(out).toContain('  GET /stock/:sku 200: 2');
    expect(out).toContain('  GET /buy/:sku 200: 2');
    expect(out).toContain('  GET _UNMATCHED 404: 1');
    expect(out).toContain('Demo finished.');
  });
});

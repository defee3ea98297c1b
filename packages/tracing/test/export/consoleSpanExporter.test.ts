import { SpanStatus } from '@lexigram/monitor-core';
import { ConsoleSpanExporter } from '../../src/export/consoleSpanExporter.js';
import { Tracer } from '../../src/tracer/tracer.js';

function run(format?: 'json' | 'text') {
  const lines: string[] = [];
  const exporter = new ConsoleSpanExporter({ format, write: (l) => lines.push(l) });
  const tracer = new Tracer({
    serviceName: 'shop',
    exporter,
    processor: 'simple',
    trackLeaks: false,
  });
  tracer.startActiveSpan('checkout', (span) => {
    span.setAttribute('cart.items', 3);
    tracer.startSpan('charge').setStatus(SpanStatus.Error, 'card declined').addEvent('retry').end();
  });
  return { lines, exporter, tracer };
}

describe('ConsoleSpanExporter', () => {
  it('writes one JSON line per span by default', () => {
    const { lines } = run();
    expect(lines).toHaveLength(2);
    const [charge, checkout] = lines.map((l) => JSON.parse(l));
    expect(checkout).toMatchObject({
      name: 'checkout',
      kind: 'internal',
      service: 'shop',
      attributes: { 'cart.items': 3 },
      status: { code: 'unset' },
    });
    expect(checkout.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(charge.parentSpanId).toBe(checkout.spanId);
    expect(charge.status).toEqual({ code: 'error', message: 'card declined' });
    expect(charge.events[0].name).toBe('retry');
    expect(typeof checkout.durationMs).toBe('number');
  });

  it('writes readable text lines', () => {
    const { lines } = run('text');
    expect(lines[0]).toMatch(
      /^\[span\] charge \(internal\) \d+\.\d{3}ms trace=[0-9a-f]{32} span=[0-9a-f]{16} parent=[0-9a-f]{16} status=error\(card declined\) events=\[retry\]$/,
    );
    expect(lines[1]).toMatch(/^\[span\] checkout .* \{"cart.items":3\}$/);
  });

  it('writes to stdout when no writer is given, and nothing after shutdown', async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const exporter = new ConsoleSpanExporter({ format: 'text' });
      const tracer = new Tracer({ exporter, processor: 'simple', trackLeaks: false });
      tracer.startSpan('to-stdout').end();
      expect(String(write.mock.calls[0]![0])).toMatch(/^\[span\] to-stdout .*\n$/);
      await exporter.shutdown();
      tracer.startSpan('after').end();
      expect(write).toHaveBeenCalledTimes(1);
    } finally {
      write.mockRestore();
    }
  });
});

import { SpanKind, type ReadableSpanData } from '@lexigram/monitor-core';
import { InMemorySpanExporter, Tracer } from '@lexigram/monitor-tracing';

/** Finished spans from a real monitor-tracing tracer: a parent, a child with everything set. */
export async function makeSpans(count = 2): Promise<readonly ReadableSpanData[]> {
  const memory = new InMemorySpanExporter();
  const tracer = new Tracer({
    serviceName: 'checkout',
    exporter: memory,
    processor: 'simple',
    resourceAttributes: { 'service.version': '1.2.3' },
    trackLeaks: false,
  });
  const linked = tracer.startSpan('linked', { parent: null });
  linked.end();
  await tracer.startActiveSpan(
    'POST /checkout',
    { parent: null, kind: SpanKind.Server },
    async (root) => {
      root.setAttribute('http.request.method', 'POST');
      root.setAttribute('cart.items', 3);
      for (let i = 0; i < count - 1; i++) {
        const child = tracer.startSpan('charge', {
          kind: SpanKind.Client,
          links: [{ context: linked.spanContext(), attributes: { reason: 'retry' } }],
          attributes: { amount: 19.99, tags: ['a', 'b'], ok: true },
        });
        child.addEvent('card.checked', { attempt: 1 });
        child.setStatus('error', 'card declined');
        child.end();
      }
    },
  );
  await tracer.forceFlush();
  const finished = memory.getFinishedSpans().filter((s) => s.name !== 'linked');
  await tracer.shutdown();
  return finished;
}

import { instrumentFetchHandler } from '../../src/index.js';
import { createTelemetry, until } from '../support/telemetry.js';

describe('instrumentFetchHandler', () => {
  it('ends the request when a streamed body is fully read, with its size', async () => {
    const t = createTelemetry();
    const handler = instrumentFetchHandler(
      async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('abc'));
              controller.enqueue(new TextEncoder().encode('de'));
              controller.close();
            },
          }),
        ),
      { tracer: t.tracer, metricsCollector: t.metricsCollector, route: () => '/stream' },
    );
    const res = await handler(new Request('https://example.test/stream?x=1'));
    expect(t.serverSpans()).toHaveLength(0); // body not read yet: still in flight
    expect(await t.activeRequests('GET')).toBe(1);
    expect(await res.text()).toBe('abcde');
    await until(() => t.serverSpans().length === 1, 'span');
    const span = t.serverSpans()[0]!;
    expect(span.attributes).toMatchObject({
      'url.scheme': 'https',
      'url.path': '/stream',
      'server.address': 'example.test',
      'http.response.body.size': 5,
      'http.route': '/stream',
    });
    expect(await t.activeRequests('GET')).toBe(0);
    expect(await t.requestCount('GET', '/stream', 200)).toBe(1);
  });

  it('records a cancelled body as aborted', async () => {
    const t = createTelemetry();
    const handler = instrumentFetchHandler(
      async () => new Response(new ReadableStream({ pull: () => new Promise(() => {}) })),
      { tracer: t.tracer },
    );
    const res = await handler(new Request('http://x/sse'));
    await res.body!.cancel();
    expect(t.serverSpans()[0]!.attributes['error.type']).toBe('aborted');
  });

  it('records a throwing handler as a 500 and rethrows', async () => {
    const t = createTelemetry();
    const handler = instrumentFetchHandler(
      async () => {
        throw new URIError('bad');
      },
      { tracer: t.tracer, metricsCollector: t.metricsCollector },
    );
    await expect(handler(new Request('http://x/a'))).rejects.toThrow('bad');
    expect(t.serverSpans()[0]!.attributes['error.type']).toBe('URIError');
    expect(await t.requestCount('GET', '_UNMATCHED', 500)).toBe(1);
  });

  it('continues the incoming trace and makes the span active in the handler', async () => {
    const t = createTelemetry();
    let active: string | undefined;
    const handler = instrumentFetchHandler(
      async () => {
        active = t.tracer.getCurrentSpan()?.spanContext().traceId;
        return new Response(null, { status: 204 });
      },
      { tracer: t.tracer },
    );
    const traceId = 'cccccccccccccccccccccccccccccccc';
    await handler(
      new Request('http://x/', { headers: { traceparent: `00-${traceId}-dddddddddddddddd-01` } }),
    );
    expect(active).toBe(traceId);
    expect(t.serverSpans()[0]!.parentSpanId).toBe('dddddddddddddddd');
  });
});

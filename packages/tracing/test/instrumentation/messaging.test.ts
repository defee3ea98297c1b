import { setImmediate as immediate } from 'node:timers/promises';
import {
  ObservabilityService,
  SpanError,
  resetObservability,
  setObservability,
} from '@lexigram/monitor-core';
import {
  injectTraceContext,
  traceConsume,
  tracePublish,
} from '../../src/instrumentation/messaging.js';
import { memoryTracer } from '../support/tracing.js';

afterEach(() => resetObservability());

describe('tracePublish / traceConsume', () => {
  it('publishes in a PRODUCER span and consumes in a CONSUMER span of the same trace', async () => {
    const { tracer, exporter } = memoryTracer();
    setObservability(new ObservabilityService({ tracer }));
    const queue: { body: string; headers: Record<string, string> }[] = [];

    await tracePublish(
      'notifications',
      'email',
      'ann@example.com',
      { 'app.id': 1 },
      async (span, headers) => {
        span.setAttribute('message.size', 12);
        await immediate();
        queue.push({ body: 'hello', headers });
      },
    );
    const message = queue[0]!;
    expect(message.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-03$/);

    const result = await traceConsume(
      'notifications',
      'email',
      message.headers,
      { attempt: 1 },
      async (span) => {
        await immediate();
        return `processed ${message.body} in ${span.spanContext().traceId}`;
      },
    );

    const [producer, consumer] = exporter.getFinishedSpans();
    expect(producer).toMatchObject({
      name: 'publish notifications',
      kind: 'producer',
      attributes: {
        'messaging.destination.name': 'notifications',
        'messaging.operation.type': 'send',
        'messaging.operation.name': 'publish',
        'messaging.message.type': 'email',
        'messaging.message.recipient': 'ann@example.com',
        'app.id': 1,
        'message.size': 12,
      },
    });
    expect(consumer).toMatchObject({
      name: 'process notifications',
      kind: 'consumer',
      parentSpanId: producer!.spanContext.spanId,
      attributes: {
        'messaging.destination.name': 'notifications',
        'messaging.operation.type': 'process',
        'messaging.message.type': 'email',
        attempt: 1,
      },
    });
    expect(consumer!.spanContext.traceId).toBe(producer!.spanContext.traceId);
    expect(result).toBe(`processed hello in ${producer!.spanContext.traceId}`);
    expect(message.headers.traceparent).toContain(producer!.spanContext.spanId);
  });

  it('takes an object form, explicit tracer, given headers and defaults', async () => {
    const { tracer, exporter } = memoryTracer();
    const headers: Record<string, string> = { existing: 'yes' };
    tracePublish({ channel: 'orders', tracer, headers, system: 'kafka' }, (_span, h) => {
      expect(h).toBe(headers);
    });
    expect(headers.existing).toBe('yes');
    expect(headers.traceparent).toBeDefined();
    traceConsume({ channel: 'orders', tracer }, () => undefined);
    const [producer, consumer] = exporter.getFinishedSpans();
    expect(producer!.attributes).toMatchObject({
      'messaging.message.type': 'email',
      'messaging.system': 'kafka',
    });
    expect(consumer!.attributes['messaging.message.type']).toBe('unknown');
    expect(consumer!.parentSpanId).toBeUndefined();
  });

  it('starts a new trace for a message with an invalid traceparent', () => {
    const { tracer, exporter } = memoryTracer();
    traceConsume('q', undefined, { traceparent: 'garbage' }, undefined, () => undefined, {
      tracer,
    });
    const [consumer] = exporter.getFinishedSpans();
    expect(consumer!.parentSpanId).toBeUndefined();
    expect(consumer!.spanContext.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('makes the message baggage active while consuming', () => {
    const { tracer } = memoryTracer();
    const seen = traceConsume(
      'q',
      'job',
      { traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`, baggage: 'tenant=acme' },
      {},
      () => tracer.getBaggage()?.get('tenant'),
      { tracer },
    );
    expect(seen).toBe('acme');
  });

  it('records failures on the span and rethrows', async () => {
    const { tracer, exporter } = memoryTracer();
    await expect(
      tracePublish({ channel: 'q', tracer }, async () => {
        throw new Error('broker down');
      }),
    ).rejects.toThrow('broker down');
    expect(exporter.getFinishedSpans()[0]!.status).toEqual({
      code: 'error',
      message: 'broker down',
    });
  });

  it('rejects missing channel or callback with a SpanError', () => {
    expect(() => tracePublish({ channel: '' }, () => 1)).toThrow(SpanError);
    expect(() => traceConsume('q', 'x', {}, {}, undefined as never)).toThrow(/needs a callback/);
  });
});

describe('injectTraceContext', () => {
  it('writes the active context into a carrier and returns it', () => {
    const { tracer } = memoryTracer();
    setObservability(new ObservabilityService({ tracer }));
    const carrier = tracer.startActiveSpan('send', () =>
      injectTraceContext<Record<string, string>>({ 'x-other': '1' }),
    );
    expect(carrier['x-other']).toBe('1');
    expect(carrier.traceparent).toMatch(/^00-/);
    expect(injectTraceContext({}, { tracer })).toEqual({});
  });
});

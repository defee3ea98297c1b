import {
  NOOP_SPAN,
  ObservabilityService,
  SpanKind,
  type SpanContextData,
} from '@lexigram/monitor-core';
import { InMemorySpanExporter } from '../../src/export/inMemorySpanExporter.js';
import { BatchSpanProcessor } from '../../src/processing/batchSpanProcessor.js';
import type { SpanProcessor } from '../../src/processing/spanProcessor.js';
import { Baggage } from '../../src/propagation/baggage.js';
import { AlwaysOffSampler } from '../../src/sampling/alwaysOffSampler.js';
import { NonRecordingSpan } from '../../src/span/nonRecordingSpan.js';
import { Span } from '../../src/span/span.js';
import { Tracer } from '../../src/tracer/tracer.js';
import { memoryTracer } from '../support/tracing.js';
import { configErrorPaths } from '@lexigram/test-support';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('Tracer construction', () => {
  it('takes the reference form (serviceName, exporter, maxSpans) with a batch processor', async () => {
    const exporter = new InMemorySpanExporter();
    const tracer = new Tracer('orders', exporter, 2);
    expect(tracer.serviceName).toBe('orders');
    expect(tracer.processor).toBeInstanceOf(BatchSpanProcessor);
    for (const name of ['a', 'b', 'c']) tracer.startSpan(name).end();
    expect(tracer.getAllSpans().map((s) => s.name)).toEqual(['b', 'c']);
    expect(exporter.getFinishedSpans()).toHaveLength(0); // batched: not yet exported
    await tracer.forceFlush();
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['a', 'b', 'c']);
    await tracer.shutdown();
  });

  it('validates its config, listing every bad field', () => {
    const bad = () =>
      new Tracer({ config: { sampleRate: 2, maxAttributes: -1, nope: 1 } as never });
    expect(configErrorPaths(bad)).toEqual(
      expect.arrayContaining(['tracing.sampleRate', 'tracing.maxAttributes', 'tracing.nope']),
    );
    expect(() => new Tracer({ maxSpans: -1 })).toThrow(/maxSpans: must be an integer >= 0/);
  });

  it('uses the config defaults and lets serviceName override config.serviceName', () => {
    const tracer = new Tracer({ serviceName: 'svc', config: { serviceName: 'other' } });
    expect(tracer.serviceName).toBe('svc');
    expect(tracer.config.propagationFormats).toEqual(['tracecontext', 'baggage']);
    expect(tracer.limits).toEqual({ maxAttributes: 128, maxEvents: 128, maxLinks: 128 });
    expect(tracer.sampler.toString()).toBe('AlwaysOnSampler');
    expect(tracer.processor).toBeUndefined();
    expect(new Tracer().serviceName).toBe('lexigram-service');
  });

  it('records nothing when tracing is disabled', () => {
    const tracer = new Tracer({ config: { enabled: false } });
    const span = tracer.startSpan('x');
    expect(span.isRecording()).toBe(false);
    expect(tracer.getAllSpans()).toEqual([]);
  });
});

describe('Tracer.startSpan', () => {
  it('starts a new trace with sampled and random flags', () => {
    const { tracer } = memoryTracer();
    const span = tracer.startSpan('root');
    expect(span).toBeInstanceOf(Span);
    const ctx = span.spanContext();
    expect(ctx.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(ctx.traceFlags).toBe(3);
    expect((span as Span).parentSpanId).toBeUndefined();
  });

  it('uses the active span as parent, unless given a parent or null', () => {
    const { tracer } = memoryTracer();
    tracer.startActiveSpan('outer', (outer) => {
      const child = tracer.startSpan('child') as Span;
      expect(child.spanContext().traceId).toBe(outer.spanContext().traceId);
      expect(child.parentSpanId).toBe(outer.spanContext().spanId);
      const root = tracer.startSpan('root', { parent: null }) as Span;
      expect(root.parentSpanId).toBeUndefined();
      expect(root.spanContext().traceId).not.toBe(outer.spanContext().traceId);
      const withOptions = tracer.startSpan('opts', { kind: SpanKind.Client }) as Span;
      expect(withOptions.parentSpanId).toBe(outer.spanContext().spanId);
    });
  });

  it('accepts a span or a span context as parent, and `context` as an alias', () => {
    const { tracer } = memoryTracer();
    const parent = tracer.startSpan('p');
    const remote: SpanContextData = {
      traceId: TRACE,
      spanId: SPAN,
      traceFlags: 1,
      traceState: 'rojo=1',
      isRemote: true,
    };
    const a = tracer.startSpan('a', { parent }) as Span;
    const b = tracer.startSpan('b', { parent: remote }) as Span;
    const c = tracer.startSpan('c', { context: remote }) as Span;
    expect(a.parentSpanId).toBe(parent.spanContext().spanId);
    expect(b.spanContext()).toMatchObject({
      traceId: TRACE,
      traceState: 'rojo=1',
      isRemote: false,
    });
    expect(b.parentSpanId).toBe(SPAN);
    expect(b.spanContext().traceFlags).toBe(1); // the remote id carries no random flag
    expect(c.parentSpanId).toBe(SPAN);
  });

  it('starts a new trace for an invalid parent (such as a no-op span)', () => {
    const { tracer } = memoryTracer();
    const a = tracer.startSpan('a', { parent: NOOP_SPAN }) as Span;
    const b = tracer.startSpan('b', {
      parent: { traceId: 'XYZ', spanId: SPAN, traceFlags: 1 },
    }) as Span;
    expect(a.parentSpanId).toBeUndefined();
    expect(b.parentSpanId).toBeUndefined();
    tracer.withSpan(NOOP_SPAN, () => {
      expect((tracer.startSpan('c') as Span).parentSpanId).toBeUndefined();
    });
  });

  it('applies attributes, kind, links (capped) and start time', () => {
    const { tracer } = memoryTracer({ maxLinks: 1 });
    const link = { context: { traceId: TRACE, spanId: SPAN, traceFlags: 1 } };
    const span = tracer.startSpan('x', {
      attributes: { a: 1, bad: {} },
      kind: SpanKind.Producer,
      links: [link, link],
      startTime: 1_700_000_000_000,
    }) as Span;
    expect(span.attributes).toEqual({ a: 1 });
    expect(span.droppedAttributesCount).toBe(1);
    expect(span.kind).toBe('producer');
    expect(span.links).toHaveLength(1);
    expect(span.droppedLinksCount).toBe(1);
    expect(span.startTime).toEqual([1_700_000_000, 0]);
  });

  it('gives unsampled traces non-recording spans that keep the trace and its decision', () => {
    const tracer = new Tracer({ sampler: new AlwaysOffSampler() });
    const root = tracer.startSpan('root');
    expect(root).toBeInstanceOf(NonRecordingSpan);
    expect(root.spanContext().traceFlags).toBe(2); // random, not sampled
    const child = tracer.withSpan(root, () => tracer.startSpan('child'));
    expect(child.spanContext().traceId).toBe(root.spanContext().traceId);
    const remote = tracer.startSpan('r', {
      parent: { traceId: TRACE, spanId: SPAN, traceFlags: 1, traceState: 's=1', isRemote: true },
    });
    expect(remote.spanContext()).toMatchObject({
      traceId: TRACE,
      traceFlags: 0,
      traceState: 's=1',
    });
    expect(tracer.getAllSpans()).toEqual([]);
  });

  it('keeps at most maxSpans recording spans, oldest first, and can forget them', () => {
    const { tracer } = memoryTracer({}, { maxSpans: 3 });
    for (let i = 0; i < 5; i++) tracer.startSpan(`s${i}`);
    expect(tracer.getAllSpans().map((s) => s.name)).toEqual(['s2', 's3', 's4']);
    tracer.clearSpans();
    expect(tracer.getAllSpans()).toEqual([]);
    const none = memoryTracer({}, { maxSpans: 0 }).tracer;
    none.startSpan('x');
    expect(none.getAllSpans()).toEqual([]);
  });

  it('ignores malformed options instead of throwing', () => {
    const { tracer } = memoryTracer();
    const span = tracer.startSpan(42 as never, {
      attributes: null as never,
      links: null as never,
      startTime: 'yesterday' as never,
    }) as Span;
    expect(span.name).toBe('42');
    expect(span.links).toEqual([]);
    expect(Math.abs(span.startTime[0] - Date.now() / 1000)).toBeLessThan(5);
  });

  it('survives a processor that throws', () => {
    const processor: SpanProcessor = {
      onEnd: () => {
        throw new Error('broken processor');
      },
      forceFlush: async () => {},
      shutdown: async () => {},
    };
    const tracer = new Tracer({ processor });
    expect(() => tracer.startSpan('x').end()).not.toThrow();
  });
});

describe('Tracer context propagation', () => {
  it('injects the active span and baggage, and extracts them back', () => {
    const { tracer } = memoryTracer();
    const carrier: Record<string, string> = {};
    tracer.withBaggage(new Baggage().set('tenant', 'acme'), () =>
      tracer.startActiveSpan('out', (span) => {
        tracer.injectContext(carrier);
        expect(carrier.traceparent).toBe(
          `00-${span.spanContext().traceId}-${span.spanContext().spanId}-03`,
        );
        expect(tracer.getBaggage()?.get('tenant')).toBe('acme');
      }),
    );
    expect(carrier.baggage).toBe('tenant=acme');
    const extracted = tracer.extractContext(carrier)!;
    expect(extracted.isRemote).toBe(true);
    expect(tracer.extractBaggage(carrier).get('tenant')).toBe('acme');
    const continued = tracer.startSpan('in', { parent: extracted }) as Span;
    expect(continued.spanContext().traceId).toBe(extracted.traceId);
    expect(continued.parentSpanId).toBe(extracted.spanId);
  });

  it('injects an explicit context, and nothing outside a span', () => {
    const { tracer } = memoryTracer();
    const carrier: Record<string, string> = {};
    tracer.injectContext(carrier);
    expect(carrier).toEqual({});
    tracer.injectContext(carrier, { traceId: TRACE, spanId: SPAN, traceFlags: 0 });
    expect(carrier.traceparent).toBe(`00-${TRACE}-${SPAN}-00`);
  });

  it('starts a new trace from an invalid traceparent and never throws on odd carriers', () => {
    const { tracer } = memoryTracer();
    const parent = tracer.extractContext({ traceparent: `ff-${TRACE}-${SPAN}-01` });
    expect(parent).toBeUndefined();
    const span = tracer.startSpan('req', { parent: parent ?? null }) as Span;
    expect(span.spanContext().traceId).not.toBe(TRACE);
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('getter throws');
        },
        ownKeys() {
          throw new Error('keys throw');
        },
      },
    );
    expect(tracer.extractContext(hostile)).toBeUndefined();
    expect(tracer.extractContext(null as never)).toBeUndefined();
    expect(tracer.extractBaggage(hostile).size).toBe(0);
    expect(() => tracer.injectContext(null as never)).not.toThrow();
  });

  it('honours propagationFormats', () => {
    const { tracer } = memoryTracer({ propagationFormats: ['b3multi'] });
    const carrier: Record<string, string> = {};
    tracer.startActiveSpan('x', () => tracer.injectContext(carrier));
    expect(Object.keys(carrier).sort()).toEqual(['x-b3-sampled', 'x-b3-spanid', 'x-b3-traceid']);
    expect(tracer.extractContext(carrier)?.traceId).toBe(carrier['x-b3-traceid']);
  });
});

describe('Tracer with core', () => {
  it('plugs into ObservabilityService as its tracer', async () => {
    const { tracer, exporter } = memoryTracer();
    const obs = new ObservabilityService({ tracer });
    expect(obs.tracingEnabled).toBe(true);
    const result = await obs.span('work', { step: 1 }, async (span) => {
      span.setAttribute('inside', true);
      return 42;
    });
    expect(result).toBe(42);
    expect(exporter.getFinishedSpans()[0]).toMatchObject({
      name: 'work',
      attributes: { step: 1, inside: true },
    });
  });

  it('startActiveSpan demands a callback', () => {
    const { tracer } = memoryTracer();
    expect(() => tracer.startActiveSpan('x', {} as never)).toThrow(/needs a callback/);
  });
});

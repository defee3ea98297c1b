/**
 * @lexigram/monitor-tracing against the OpenTelemetry SDK (@opentelemetry/sdk-trace-base 2.x),
 * both with default settings: span start/end through each one's batch processor, unsampled
 * spans, and W3C traceparent parsing, extraction and injection.
 */
import {
  ROOT_CONTEXT,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
} from '@opentelemetry/api';
import { TraceState, W3CTraceContextPropagator, parseTraceParent } from '@opentelemetry/core';
import {
  AlwaysOffSampler as OtelAlwaysOff,
  BasicTracerProvider,
  BatchSpanProcessor as OtelBatchSpanProcessor,
  type ReadableSpan,
  type SpanExporter as OtelSpanExporter,
} from '@opentelemetry/sdk-trace-base';
import {
  AlwaysOffSampler,
  BatchSpanProcessor,
  SpanContext,
  Tracer,
} from '@lexigram/monitor-tracing';
import { measure } from 'mitata';
import { compare, printRows, type Row } from './support/compare.js';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const TRACESTATE = 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7';
/** Spans per measured iteration of the batch case; each iteration ends with a forceFlush. */
const BATCH = 512;

/** Both exporters accept every batch and drop it, so only the SDKs are measured. */
const otelExporter: OtelSpanExporter = {
  export(_spans: ReadableSpan[], done: (result: { code: number }) => void) {
    done({ code: 0 });
  },
  shutdown: async () => {},
};
const oursExporter = { export() {} };
/** Spans of the unsampled case are stored here. */
let kept: { end(): void } | undefined;

export default async function run(): Promise<void> {
  const otelProvider = new BasicTracerProvider({
    spanProcessors: [new OtelBatchSpanProcessor(otelExporter)],
  });
  const otel = otelProvider.getTracer('bench');
  // Default settings on both sides; our default processor is this batch processor.
  const oursProcessor = new BatchSpanProcessor(oursExporter);
  const ours = new Tracer({ serviceName: 'bench', processor: oursProcessor });

  // The batch case runs BATCH spans and then waits for both processors to export them, so every
  // span really goes through queue and exporter on both sides (a tight loop alone never yields
  // to the event loop, where our processor exports).
  const rows: Row[] = [];
  const otelBatch = await measure(async () => {
    for (let i = 0; i < BATCH; i++) {
      const span = otel.startSpan('op');
      span.setAttribute('http.method', 'GET');
      span.setAttribute('http.status_code', 200);
      span.end();
    }
    await otelProvider.forceFlush();
  });
  const oursBatch = await measure(async () => {
    for (let i = 0; i < BATCH; i++) {
      const span = ours.startSpan('op');
      span.setAttribute('http.method', 'GET');
      span.setAttribute('http.status_code', 200);
      span.end();
    }
    await ours.forceFlush();
  });
  const ratio = otelBatch.avg / oursBatch.avg;
  rows.push({
    name: `sampled span start + 2 attributes + end, batch processor (${BATCH} spans, then forceFlush), per span`,
    peerName: '@opentelemetry/sdk-trace-base',
    oursNs: oursBatch.avg / BATCH,
    peerNs: otelBatch.avg / BATCH,
    ratio,
    target: 3,
    met: ratio >= 3,
  });
  printRows('tracing: sampled spans through the batch processor', rows);
  const stats = oursProcessor.stats();
  console.log(
    `\nours: ${stats.exportedSpans} spans exported, ${stats.droppedSpans} dropped during the run`,
  );

  const otelOff = new BasicTracerProvider({
    sampler: new OtelAlwaysOff(),
    spanProcessors: [new OtelBatchSpanProcessor(otelExporter)],
  }).getTracer('bench');
  const oursOff = new Tracer({
    serviceName: 'bench',
    exporter: oursExporter,
    sampler: new AlwaysOffSampler(),
  });
  const propagator = new W3CTraceContextPropagator();
  const incoming = { traceparent: TRACEPARENT, tracestate: TRACESTATE };
  const context = SpanContext.fromTraceparent(TRACEPARENT, TRACESTATE)!;
  const otelContext = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: context.traceId,
    spanId: context.spanId,
    traceFlags: 1,
    traceState: new TraceState(TRACESTATE),
    isRemote: true,
  });

  await compare('tracing: unsampled spans and W3C propagation', [
    {
      name: 'unsampled span start + end (always-off sampler)',
      // Kept in a variable, as real code keeps its span, so the JIT cannot optimize it away.
      ours: () => {
        kept = oursOff.startSpan('op');
        kept.end();
      },
      peer: () => {
        kept = otelOff.startSpan('op');
        kept.end();
      },
      peerName: '@opentelemetry/sdk-trace-base',
      target: 5,
    },
    {
      name: 'traceparent parse',
      ours: () => SpanContext.fromTraceparent(TRACEPARENT),
      peer: () => parseTraceParent(TRACEPARENT),
      peerName: '@opentelemetry/core',
    },
    {
      name: 'inject traceparent + tracestate into headers',
      ours: () => ours.injectContext({}, context),
      peer: () => propagator.inject(otelContext, {}, defaultTextMapSetter),
      peerName: '@opentelemetry/core',
    },
    {
      // OpenTelemetry reads tracestate lazily, so extraction alone would compare our validation
      // with its deferral: a hop (extract, then inject downstream) makes both do the work.
      name: 'propagation hop: extract traceparent + tracestate, inject them downstream',
      ours: () => ours.injectContext({}, ours.extractContext(incoming)),
      peer: () =>
        propagator.inject(
          propagator.extract(ROOT_CONTEXT, incoming, defaultTextMapGetter),
          {},
          defaultTextMapSetter,
        ),
      peerName: '@opentelemetry/core',
    },
  ]);
  await ours.shutdown();
  await otelProvider.shutdown();
}

import type { ReadableSpanData } from '@lexigram/monitor-core';
import { OtlpSpanExporter } from '../../src/spans/otlpSpanExporter.js';
import { OtlpReceiver } from '../support/otlpReceiver.js';
import { makeSpans } from '../support/spans.js';

describe('OtlpSpanExporter', () => {
  const receiver = new OtlpReceiver();
  let spans: readonly ReadableSpanData[];

  beforeAll(async () => {
    await receiver.start();
    spans = await makeSpans(2);
  });
  afterAll(() => receiver.stop());
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.clearFaults();
  });

  function expectSpansDecoded(body: Record<string, any>): void {
    expect(body.resourceSpans).toHaveLength(1);
    const rs = body.resourceSpans[0];
    const resource = Object.fromEntries(
      rs.resource.attributes.map((a: any) => [a.key, a.value.stringValue]),
    );
    expect(resource['service.name']).toBe('checkout');
    expect(resource['service.version']).toBe('1.2.3');
    expect(rs.scopeSpans).toHaveLength(1); // one scope, as OpenTelemetry's SDK groups them
    const scope = rs.scopeSpans[0].scope;
    expect(scope.name).toBe(spans[0]!.instrumentationScope.name);
    const out = rs.scopeSpans.flatMap((s: any) => s.spans);
    expect(out).toHaveLength(2);
    const root = out.find((s: any) => s.name === 'POST /checkout');
    const child = out.find((s: any) => s.name === 'charge');
    const coreRoot = spans.find((s) => s.name === 'POST /checkout')!;
    const coreChild = spans.find((s) => s.name === 'charge')!;
    expect(root.traceId).toBe(coreRoot.spanContext.traceId);
    expect(root.spanId).toBe(coreRoot.spanContext.spanId);
    expect(root.parentSpanId).toBeUndefined();
    expect(root.kind).toBe(2); // SPAN_KIND_SERVER
    expect(child.kind).toBe(3); // SPAN_KIND_CLIENT
    expect(child.parentSpanId).toBe(coreRoot.spanContext.spanId);
    expect(child.traceId).toBe(coreRoot.spanContext.traceId);
    expect(child.spanId).toBe(coreChild.spanContext.spanId);
    const ns = BigInt(coreChild.startTime[0]) * 1_000_000_000n + BigInt(coreChild.startTime[1]);
    expect(child.startTimeUnixNano).toBe(String(ns));
    expect(child.status).toEqual({ code: 2, message: 'card declined' });
    const attrs = Object.fromEntries(child.attributes.map((a: any) => [a.key, a.value]));
    expect(attrs.amount).toEqual({ doubleValue: 19.99 });
    expect(attrs.ok).toEqual({ boolValue: true });
    expect(attrs.tags.arrayValue.values).toEqual([{ stringValue: 'a' }, { stringValue: 'b' }]);
    expect(child.events[0].name).toBe('card.checked');
    expect(child.events[0].attributes[0]).toEqual({ key: 'attempt', value: { intValue: '1' } });
    expect(child.links[0].spanId).toBe(coreChild.links[0]!.context.spanId);
    expect(child.links[0].attributes[0]).toEqual({
      key: 'reason',
      value: { stringValue: 'retry' },
    });
  }

  it.each([
    ['http/protobuf', 'none'],
    ['http/protobuf', 'gzip'],
    ['http/json', 'none'],
    ['http/json', 'gzip'],
  ] as const)('sends spans as %s with compression %s', async (protocol, compression) => {
    const exporter = new OtlpSpanExporter({
      url: `${receiver.endpoint}/v1/traces`,
      protocol,
      compression,
      headers: { 'x-api-key': 'secret' },
      env: false,
    });
    await exporter.export(spans);
    await exporter.shutdown();
    expect(receiver.requests).toHaveLength(1);
    const request = receiver.requests[0]!;
    expect(request.contentType).toBe(
      protocol === 'http/json' ? 'application/json' : 'application/x-protobuf',
    );
    expect(request.contentEncoding).toBe(compression === 'gzip' ? 'gzip' : undefined);
    expect(request.headers['x-api-key']).toBe('secret');
    expectSpansDecoded(request.body);
    expect(exporter.stats()).toEqual({
      exportedItems: 2,
      droppedItems: 0,
      successfulExports: 1,
      failedExports: 0,
    });
  });

  it('carries dropped counts, trace state and remote parents', async () => {
    const base = spans.find((s) => s.name === 'charge')!;
    const span: ReadableSpanData = {
      ...plain(base),
      spanContext: { ...base.spanContext, traceState: 'vendor=abc' },
      droppedAttributesCount: 4,
      droppedEventsCount: 5,
      droppedLinksCount: 6,
    };
    const exporter = new OtlpSpanExporter({ url: `${receiver.endpoint}/v1/traces`, env: false });
    await exporter.export([span]);
    await exporter.shutdown();
    const out = receiver.requests[0]!.body.resourceSpans[0].scopeSpans[0].spans[0];
    expect(out.droppedAttributesCount).toBe(4);
    expect(out.droppedEventsCount).toBe(5);
    expect(out.droppedLinksCount).toBe(6);
    expect(out.traceState).toBe('vendor=abc');
    expect(out.flags & 0xff).toBe(base.spanContext.traceFlags);
  });
});

/** The fields of a span view (whose fields are getters), copied by {@link plain}. */
const SPAN_FIELDS = [
  'name',
  'kind',
  'spanContext',
  'parentSpanId',
  'startTime',
  'endTime',
  'duration',
  'status',
  'attributes',
  'events',
  'links',
  'resource',
  'instrumentationScope',
  'droppedAttributesCount',
  'droppedEventsCount',
  'droppedLinksCount',
  'ended',
] as const satisfies readonly (keyof ReadableSpanData)[];

/** A plain-object copy of a span view. */
function plain(span: ReadableSpanData): ReadableSpanData {
  return Object.fromEntries(
    SPAN_FIELDS.map((key) => [key, span[key]]),
  ) as unknown as ReadableSpanData;
}

import type { ReadableSpanData } from '@lexigram/monitor-core';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { SpanProtobufEncoder } from '../../src/spans/encodeSpansProtobuf.js';
import { OtelSpanConverter } from '../../src/spans/toOtelSpan.js';
import { decodeProtobuf } from '../support/otlpReceiver.js';
import { makeSpans } from '../support/spans.js';

const DETECTED = { 'host.name': 'box', 'service.name': 'detected', 'process.pid': 42 };

/** OpenTelemetry's own serializer over the converted spans: the reference bytes. */
function theirs(spans: readonly ReadableSpanData[]): Record<string, any> {
  const converter = new OtelSpanConverter(DETECTED);
  return decodeProtobuf(
    'traces',
    ProtobufTraceSerializer.serializeRequest(spans.map((s) => converter.convert(s)))!,
  );
}

function ours(spans: readonly ReadableSpanData[]): Record<string, any> {
  return decodeProtobuf('traces', new SpanProtobufEncoder(DETECTED).encode(spans));
}

/** proto3: a zero count OpenTelemetry writes explicitly (resources) is the same as absent. */
function withoutZeroCounts(value: any): any {
  if (Array.isArray(value)) return value.map(withoutZeroCounts);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('dropped') && v === 0) continue;
      out[k] = withoutZeroCounts(v);
    }
    return out;
  }
  return value;
}

describe('SpanProtobufEncoder', () => {
  it('decodes (independent decoder) to exactly what OpenTelemetry serializes, ids and times included', async () => {
    const spans = await makeSpans(4);
    const expected = withoutZeroCounts(theirs(spans));
    expect(withoutZeroCounts(ours(spans))).toEqual(expected);
    const span = expected.resourceSpans[0].scopeSpans[0].spans[0];
    expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span.startTimeUnixNano).toMatch(/^\d{19}$/);
  });

  it('matches on edge values: remote links, trace state, odd and oversized attributes, epoch-exact times', async () => {
    const [base] = await makeSpans(1);
    const other = { serviceName: 'other', attributes: {} };
    const edge: ReadableSpanData = {
      ...base!,
      name: 'ünïcödé ✓',
      kind: 'consumer',
      spanContext: { ...base!.spanContext, traceState: 'vendor=a,other=b', traceFlags: 0 },
      parentSpanId: 'aaaaaaaaaaaaaaaa',
      startTime: [4_102_444_800, 999_999_999],
      endTime: [4_102_444_801, 1],
      status: { code: 'ok' },
      attributes: {
        empty: '',
        negative: -7,
        big: 2 ** 52 + 1,
        fraction: -0.5,
        nan: Number.NaN,
        list: [1, 2, 3],
        words: ['a', ''],
        flags: [true, false],
        mixed: [1.5, 2.5],
        // Past the length prefix each message reserves: 1 byte for a key-value, 2 for a span.
        long: 'x'.repeat(300),
        huge: 'é'.repeat(20_000),
        many: Array.from({ length: 100 }, (_, i) => `item-${i}`),
      },
      events: [{ name: 'e', time: [1, 2], attributes: {} }],
      links: [
        {
          context: {
            traceId: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
            spanId: 'cccccccccccccccc',
            traceFlags: 1,
            traceState: 'k=v',
            isRemote: true,
          },
          attributes: { why: 'fan-in' },
        },
      ],
      droppedAttributesCount: 3,
      droppedEventsCount: 2,
      droppedLinksCount: 1,
      resource: other,
      instrumentationScope: { name: 'edge-lib' },
    };
    const spans = [
      base!,
      edge,
      { ...edge, instrumentationScope: { name: 'edge-lib', version: '2' } },
    ];
    const got = withoutZeroCounts(ours(spans));
    expect(got).toEqual(withoutZeroCounts(theirs(spans)));
    // Grouped by resource, then by scope.
    expect(got.resourceSpans).toHaveLength(2);
    expect(got.resourceSpans[1].scopeSpans).toHaveLength(2);
    const decoded = got.resourceSpans[1].scopeSpans[0].spans[0];
    expect(decoded.startTimeUnixNano).toBe('4102444800999999999');
    expect(decoded.links[0].flags).toBe(0x301);
    expect(decoded.flags).toBe(0x100);
  });

  it('an empty batch is an empty request', () => {
    expect(new SpanProtobufEncoder().encode([])).toEqual(new Uint8Array(0));
  });
});

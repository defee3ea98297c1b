import type { ReadableSpanData } from '@lexigram/monitor-core';
import { summarizeTraces, traceWaterfall } from '../../src/aggregate/traceSummaries.js';
import { createRedactor } from '../../src/security/redactor.js';

const T1 = 'a'.repeat(32);
const T2 = 'b'.repeat(32);

function span(
  traceId: string,
  spanId: string,
  parentSpanId: string | undefined,
  startMs: number,
  endMs: number,
  extra: Partial<ReadableSpanData> = {},
): ReadableSpanData {
  const hr = (ms: number) => [Math.floor(ms / 1000), (ms % 1000) * 1e6] as const;
  return {
    name: spanId,
    kind: 'internal',
    spanContext: { traceId, spanId, traceFlags: 1 },
    parentSpanId,
    startTime: hr(startMs),
    endTime: hr(endMs),
    duration: hr(endMs - startMs),
    status: { code: 'unset' },
    attributes: {},
    events: [],
    links: [],
    resource: { serviceName: 's', attributes: {} },
    instrumentationScope: { name: 'test' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    ended: true,
    ...extra,
  };
}

describe('summarizeTraces', () => {
  it('groups spans by trace, ranks the slowest and lists the failed', () => {
    const spans = [
      span(T1, 'root1', undefined, 1000, 1100),
      span(T1, 'child1', 'root1', 1010, 1050, { status: { code: 'error', message: 'x' } }),
      span(T2, 'root2', 'remote-parent', 2000, 2500),
    ];
    const { slowest, failed } = summarizeTraces(spans, 10);
    expect(slowest.map((t) => [t.traceId, t.name, t.durationMs, t.spanCount])).toEqual([
      [T2, 'root2', 500, 1],
      [T1, 'root1', 100, 2],
    ]);
    expect(failed.map((t) => t.traceId)).toEqual([T1]);
    expect(summarizeTraces(spans, 1).slowest).toHaveLength(1);
  });
});

describe('traceWaterfall', () => {
  it('lays out spans parents first with offsets and depth, redacting attributes', () => {
    const spans = [
      span(T1, 'grandchild', 'child', 1020, 1030),
      span(T1, 'root', undefined, 1000, 1100, { attributes: { 'db.password': 'hunter2' } }),
      span(T1, 'child', 'root', 1010, 1050, {
        events: [{ name: 'retry', time: [1, 15_000_000], attributes: { token: 't' } }],
      }),
      span(T2, 'other', undefined, 0, 1),
    ];
    const waterfall = traceWaterfall(spans, T1, createRedactor())!;
    expect(waterfall.durationMs).toBe(100);
    expect(waterfall.spans.map((s) => [s.name, s.depth, s.offsetMs, s.durationMs])).toEqual([
      ['root', 0, 0, 100],
      ['child', 1, 10, 40],
      ['grandchild', 2, 20, 10],
    ]);
    expect(waterfall.spans[0]?.attributes).toEqual({ 'db.password': '[REDACTED]' });
    expect(waterfall.spans[1]?.events).toEqual([
      { name: 'retry', offsetMs: 15, attributes: { token: '[REDACTED]' } },
    ]);
    expect(traceWaterfall(spans, 'c'.repeat(32), createRedactor())).toBeUndefined();
  });
});

import { hrTimeToMillis, type ReadableSpanData } from '@lexigram/monitor-core';
import type { Redactor } from '../security/redactor.js';

/** One trace as the lists show it. */
export interface TraceSummary {
  readonly traceId: string;
  /** Name of the root span (or of the earliest span when the root is not kept). */
  readonly name: string;
  /** Epoch ms of the earliest span. */
  readonly start: number;
  readonly durationMs: number;
  readonly spanCount: number;
  readonly error: boolean;
}

/** One span of a waterfall. */
export interface WaterfallSpan {
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  readonly kind: string;
  /** Start relative to the trace's first span. */
  readonly offsetMs: number;
  readonly durationMs: number;
  /** Nesting level, 0 for spans whose parent is not in the trace. */
  readonly depth: number;
  readonly status: string;
  readonly statusMessage: string | undefined;
  readonly attributes: unknown;
  readonly events: readonly {
    readonly name: string;
    readonly offsetMs: number;
    readonly attributes: unknown;
  }[];
}

/** A trace's spans laid out for the waterfall view, parents before their children. */
export interface TraceWaterfall {
  readonly traceId: string;
  readonly durationMs: number;
  readonly spans: readonly WaterfallSpan[];
}

/** The slowest and the latest failed traces among `spans`, at most `limit` each. */
export function summarizeTraces(
  spans: readonly ReadableSpanData[],
  limit: number,
): { slowest: TraceSummary[]; failed: TraceSummary[] } {
  // Most traces kept are one span: those need no list of their own.
  const byTrace = new Map<string, ReadableSpanData | ReadableSpanData[]>();
  for (const span of spans) {
    const id = span.spanContext.traceId;
    const held = byTrace.get(id);
    if (held === undefined) byTrace.set(id, span);
    else if (Array.isArray(held)) held.push(span);
    else byTrace.set(id, [held, span]);
  }
  // Bounded insertion instead of sorting every trace: the lists are short.
  const slowest: TraceSummary[] = [];
  const failed: TraceSummary[] = [];
  for (const [traceId, held] of byTrace) {
    const summary = Array.isArray(held) ? summaryOf(traceId, held) : singleSpan(traceId, held);
    insertTop(slowest, summary, limit, (a, b) => a.durationMs > b.durationMs);
    if (summary.error) insertTop(failed, summary, limit, (a, b) => a.start > b.start);
  }
  return { slowest, failed };
}

function insertTop(
  list: TraceSummary[],
  item: TraceSummary,
  limit: number,
  before: (a: TraceSummary, b: TraceSummary) => boolean,
): void {
  if (list.length === limit && !before(item, list[limit - 1]!)) return;
  let i = list.length;
  while (i > 0 && before(item, list[i - 1]!)) i--;
  list.splice(i, 0, item);
  if (list.length > limit) list.pop();
}

function singleSpan(traceId: string, span: ReadableSpanData): TraceSummary {
  const start = hrTimeToMillis(span.startTime);
  return {
    traceId,
    name: span.name,
    start,
    durationMs: Math.max(hrTimeToMillis(span.endTime) - start, 0),
    spanCount: 1,
    error: span.status.code === 'error',
  };
}

function summaryOf(traceId: string, spans: readonly ReadableSpanData[]): TraceSummary {
  const ids = new Set(spans.map((s) => s.spanContext.spanId));
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let root: ReadableSpanData | undefined;
  let error = false;
  for (const span of spans) {
    const s = hrTimeToMillis(span.startTime);
    start = Math.min(start, s);
    end = Math.max(end, hrTimeToMillis(span.endTime));
    if (span.status.code === 'error') error = true;
    const isRoot = span.parentSpanId === undefined || !ids.has(span.parentSpanId);
    if (isRoot && (root === undefined || s < hrTimeToMillis(root.startTime))) root = span;
  }
  return {
    traceId,
    name: root?.name ?? spans[0]?.name ?? '',
    start,
    durationMs: Math.max(end - start, 0),
    spanCount: spans.length,
    error,
  };
}

/** The waterfall of `traceId` among `spans` (attributes redacted); undefined when not kept. */
export function traceWaterfall(
  spans: readonly ReadableSpanData[],
  traceId: string,
  redact: Redactor,
): TraceWaterfall | undefined {
  const own = spans.filter((s) => s.spanContext.traceId === traceId);
  if (own.length === 0) return undefined;
  own.sort((a, b) => hrTimeToMillis(a.startTime) - hrTimeToMillis(b.startTime));
  const origin = hrTimeToMillis(own[0]!.startTime);
  const children = new Map<string | undefined, ReadableSpanData[]>();
  const ids = new Set(own.map((s) => s.spanContext.spanId));
  for (const span of own) {
    const parent =
      span.parentSpanId !== undefined && ids.has(span.parentSpanId) ? span.parentSpanId : undefined;
    const list = children.get(parent);
    if (list) list.push(span);
    else children.set(parent, [span]);
  }
  const out: WaterfallSpan[] = [];
  let end = origin;
  // Depth-first from the roots, iteratively: a deep trace must not overflow the stack.
  const stack: { span: ReadableSpanData; depth: number }[] = (children.get(undefined) ?? [])
    .map((span) => ({ span, depth: 0 }))
    .reverse();
  while (stack.length > 0) {
    const { span, depth } = stack.pop()!;
    const start = hrTimeToMillis(span.startTime);
    const finish = hrTimeToMillis(span.endTime);
    end = Math.max(end, finish);
    out.push({
      spanId: span.spanContext.spanId,
      parentSpanId: span.parentSpanId,
      name: span.name,
      kind: String(span.kind),
      offsetMs: start - origin,
      durationMs: Math.max(finish - start, 0),
      depth,
      status: span.status.code,
      statusMessage: span.status.message,
      attributes: redact(span.attributes),
      events: span.events.map((e) => ({
        name: e.name,
        offsetMs: hrTimeToMillis(e.time) - origin,
        attributes: redact(e.attributes),
      })),
    });
    const kids = children.get(span.spanContext.spanId) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ span: kids[i]!, depth: depth + 1 });
  }
  return { traceId, durationMs: end - origin, spans: out };
}

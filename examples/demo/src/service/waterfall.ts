import type { ReadableSpanData } from '@lexigram/monitor-core';

const toMs = (t: readonly [number, number]): number => t[0] * 1000 + t[1] / 1e6;

/**
 * One trace as a text waterfall: each span on its own line, indented under its parent, with its
 * service, duration and a bar placed on the trace's time axis.
 */
export function renderWaterfall(spans: readonly ReadableSpanData[], width = 40): string[] {
  if (spans.length === 0) return ['(no spans)'];
  const start = Math.min(...spans.map((s) => toMs(s.startTime)));
  const end = Math.max(...spans.map((s) => toMs(s.endTime)));
  const total = Math.max(end - start, 0.001);
  const ids = new Set(spans.map((s) => s.spanContext.spanId));
  const children = new Map<string | undefined, ReadableSpanData[]>();
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number): void => {
    const list = (children.get(parent) ?? []).sort((a, b) => toMs(a.startTime) - toMs(b.startTime));
    for (const span of list) {
      const from = Math.floor(((toMs(span.startTime) - start) / total) * width);
      const len = Math.max(
        1,
        Math.round(((toMs(span.endTime) - toMs(span.startTime)) / total) * width),
      );
      const bar = ' '.repeat(from) + '█'.repeat(Math.min(len, width - from));
      const service = String(span.resource.attributes['service.name'] ?? '?');
      const label = `${'  '.repeat(depth)}${span.name} [${service}]`;
      const ms = (toMs(span.endTime) - toMs(span.startTime)).toFixed(1);
      lines.push(`${label.padEnd(44)} ${ms.padStart(7)} ms |${bar.padEnd(width)}|`);
      walk(span.spanContext.spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines;
}

import type {
  Attributes,
  HrTime,
  ReadableSpanData,
  ResourceData,
  SpanContextData,
  SpanEventData,
  SpanKind,
  SpanLinkData,
  SpanStatusData,
} from '@lexigram/monitor-core';
import type { Span } from './span.js';

/**
 * A finished span as exporters read it: core's {@link ReadableSpanData}. It reads through to the
 * span (which no longer changes once ended), so handing a batch to an exporter allocates one
 * small object per span and times are turned into {@link HrTime} only if the exporter reads
 * them. `JSON.stringify` gives a plain object.
 */
export class ReadableSpanView implements ReadableSpanData {
  private readonly span: Span;
  private cachedStart: HrTime | undefined;
  private cachedEnd: HrTime | undefined;

  constructor(span: Span) {
    this.span = span;
  }

  get name(): string {
    return this.span.name;
  }

  get kind(): SpanKind {
    return this.span.kind;
  }

  get spanContext(): SpanContextData {
    return this.span.spanContext();
  }

  get parentSpanId(): string | undefined {
    return this.span.parentSpanId;
  }

  get startTime(): HrTime {
    return (this.cachedStart ??= this.span.startTime);
  }

  get endTime(): HrTime {
    if (!this.span.ended) return this.span.endTime;
    return (this.cachedEnd ??= this.span.endTime);
  }

  get duration(): HrTime {
    return this.span.duration;
  }

  get status(): SpanStatusData {
    return this.span.status;
  }

  get attributes(): Attributes {
    return this.span.attributes;
  }

  get events(): readonly SpanEventData[] {
    return this.span.events;
  }

  get links(): readonly SpanLinkData[] {
    return this.span.links;
  }

  get resource(): ResourceData {
    return this.span.resource;
  }

  get instrumentationScope(): ReadableSpanData['instrumentationScope'] {
    return this.span.instrumentationScope;
  }

  get droppedAttributesCount(): number {
    return this.span.droppedAttributesCount;
  }

  get droppedEventsCount(): number {
    return this.span.droppedEventsCount;
  }

  get droppedLinksCount(): number {
    return this.span.droppedLinksCount;
  }

  get ended(): boolean {
    return this.span.ended;
  }

  /** A plain-object copy of every field. */
  toJSON(): ReadableSpanData {
    return {
      name: this.name,
      kind: this.kind,
      spanContext: { ...this.spanContext },
      parentSpanId: this.parentSpanId,
      startTime: this.startTime,
      endTime: this.endTime,
      duration: this.duration,
      status: this.status,
      attributes: this.attributes,
      events: this.events,
      links: this.links,
      resource: this.resource,
      instrumentationScope: this.instrumentationScope,
      droppedAttributesCount: this.droppedAttributesCount,
      droppedEventsCount: this.droppedEventsCount,
      droppedLinksCount: this.droppedLinksCount,
      ended: this.ended,
    };
  }
}

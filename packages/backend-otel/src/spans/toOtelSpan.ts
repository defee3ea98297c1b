import type { ReadableSpanData, ResourceData, SpanContextData } from '@lexigram/monitor-core';
import {
  SpanKind as OtelSpanKind,
  SpanStatusCode,
  type Attributes as OtelAttributes,
  type SpanContext,
} from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

const KIND: Readonly<Record<ReadableSpanData['kind'], OtelSpanKind>> = {
  internal: OtelSpanKind.INTERNAL,
  server: OtelSpanKind.SERVER,
  client: OtelSpanKind.CLIENT,
  producer: OtelSpanKind.PRODUCER,
  consumer: OtelSpanKind.CONSUMER,
};

const STATUS: Readonly<Record<ReadableSpanData['status']['code'], SpanStatusCode>> = {
  unset: SpanStatusCode.UNSET,
  ok: SpanStatusCode.OK,
  error: SpanStatusCode.ERROR,
};

/**
 * Converts core spans to the shape OpenTelemetry's OTLP serializers read. Resources are converted
 * once per core resource object (a tracer shares one), because the serializer groups spans by
 * resource identity: one `ResourceSpans` per tracer, as OpenTelemetry's own SDK sends.
 */
export class OtelSpanConverter {
  private readonly resources = new WeakMap<ResourceData, Resource>();
  private readonly fallbackResource: Resource | undefined;
  private scopes = new Map<string, ReadableSpan['instrumentationScope']>();

  /** @param resource attributes merged under every span's own resource (e.g. from detection). */
  constructor(resource?: Readonly<Record<string, string | number | boolean>>) {
    this.fallbackResource = resource ? resourceFromAttributes(resource) : undefined;
  }

  /** The OpenTelemetry view of one core span. */
  convert(span: ReadableSpanData): ReadableSpan {
    const context = toSpanContext(span.spanContext);
    const parentSpanContext: SpanContext | undefined =
      span.parentSpanId === undefined
        ? undefined
        : {
            traceId: span.spanContext.traceId,
            spanId: span.parentSpanId,
            traceFlags: span.spanContext.traceFlags,
          };
    return {
      name: span.name,
      kind: KIND[span.kind] ?? OtelSpanKind.INTERNAL,
      spanContext: () => context,
      parentSpanContext,
      startTime: span.startTime as [number, number],
      endTime: span.endTime as [number, number],
      duration: span.duration as [number, number],
      status: {
        code: STATUS[span.status.code] ?? SpanStatusCode.UNSET,
        ...(span.status.message === undefined ? {} : { message: span.status.message }),
      },
      attributes: span.attributes as OtelAttributes,
      links: span.links.map((link) => ({
        context: toSpanContext(link.context),
        attributes: link.attributes as OtelAttributes,
      })),
      events: span.events.map((event) => ({
        name: event.name,
        time: event.time as [number, number],
        attributes: event.attributes as OtelAttributes,
      })),
      ended: span.ended,
      resource: this.resource(span.resource),
      instrumentationScope: this.scope(span.instrumentationScope),
      droppedAttributesCount: span.droppedAttributesCount,
      droppedEventsCount: span.droppedEventsCount,
      droppedLinksCount: span.droppedLinksCount,
    };
  }

  /** One object per scope: the serializer groups spans by scope identity. */
  private scope(
    data: ReadableSpanData['instrumentationScope'],
  ): ReadableSpan['instrumentationScope'] {
    const key = `${data.name}@${data.version ?? ''}`;
    let scope = this.scopes.get(key);
    if (scope === undefined) {
      // Scopes are a handful of library names; the cap only guards against a runaway producer.
      if (this.scopes.size >= 1000) this.scopes = new Map();
      scope = { name: data.name, ...(data.version === undefined ? {} : { version: data.version }) };
      this.scopes.set(key, scope);
    }
    return scope;
  }

  private resource(data: ResourceData): Resource {
    let resource = this.resources.get(data);
    if (resource === undefined) {
      const own = resourceFromAttributes({
        ...(data.attributes as OtelAttributes),
        'service.name': data.serviceName,
      });
      resource = this.fallbackResource ? this.fallbackResource.merge(own) : own;
      this.resources.set(data, resource);
    }
    return resource;
  }
}

function toSpanContext(data: SpanContextData): SpanContext {
  return {
    traceId: data.traceId,
    spanId: data.spanId,
    traceFlags: data.traceFlags,
    ...(data.traceState ? { traceState: new TraceState(data.traceState) } : {}),
    ...(data.isRemote === undefined ? {} : { isRemote: data.isRemote }),
  };
}

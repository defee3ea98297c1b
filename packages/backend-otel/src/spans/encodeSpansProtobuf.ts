import type { Attributes, ReadableSpanData, ResourceData } from '@lexigram/monitor-core';
import { ProtobufWriter } from '../encoding/protobufWriter.js';

type AttributeValue = Attributes[string];

/** OTLP `Span.SpanKind`: OpenTelemetry's API kinds plus one (0 is UNSPECIFIED). */
const KIND: Readonly<Record<ReadableSpanData['kind'], number>> = {
  internal: 1,
  server: 2,
  client: 3,
  producer: 4,
  consumer: 5,
};

/** OTLP `Status.StatusCode`. */
const STATUS: Readonly<Record<ReadableSpanData['status']['code'], number>> = {
  unset: 0,
  ok: 1,
  error: 2,
};

/** `SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK`: the flags say whether the parent/link is remote. */
const HAS_IS_REMOTE = 0x100;
/** `SPAN_FLAGS_CONTEXT_IS_REMOTE_MASK`. */
const IS_REMOTE = 0x200;

/** Largest magnitude written as `int_value`; beyond it a number goes out as a double. */
const MAX_INT64 = 2 ** 63;

/**
 * Encodes core spans as an OTLP `ExportTraceServiceRequest` in protobuf, straight from
 * {@link ReadableSpanData} (no OpenTelemetry span objects, no intermediate OTLP object tree).
 * Spans are grouped into one `ResourceSpans` per resource object (a tracer shares one) and one
 * `ScopeSpans` per instrumentation scope, as OpenTelemetry's serializer groups them; field
 * numbers are those of `opentelemetry/proto/trace/v1/trace.proto`. The tests decode the output
 * with OpenTelemetry's generated classes and compare it with OpenTelemetry's own serializer.
 */
export class SpanProtobufEncoder {
  private readonly resources = new WeakMap<ResourceData, Attributes>();
  // A tracer hands every span the same scope object: its key is built once, not per span.
  private readonly scopeKeys = new WeakMap<ReadableSpanData['instrumentationScope'], string>();
  private readonly fallback: Attributes;
  private readonly writer = new ProtobufWriter(16 * 1024);

  /** @param resource attributes under every span's own resource (e.g. from detection). */
  constructor(resource: Readonly<Record<string, string | number | boolean>> = {}) {
    this.fallback = resource;
  }

  /** The request bytes for `spans`. */
  encode(spans: readonly ReadableSpanData[]): Uint8Array {
    const groups = new Map<ResourceData, Map<string, ReadableSpanData[]>>();
    for (const span of spans) {
      let scopes = groups.get(span.resource);
      if (scopes === undefined) {
        scopes = new Map();
        groups.set(span.resource, scopes);
      }
      const scope = span.instrumentationScope;
      let key = this.scopeKeys.get(scope);
      if (key === undefined) {
        key = `${scope.name}@${scope.version ?? ''}`;
        this.scopeKeys.set(scope, key);
      }
      const list = scopes.get(key);
      if (list === undefined) scopes.set(key, [span]);
      else list.push(span);
    }
    // Encoding is synchronous, so one buffer (grown to the largest batch) serves every request.
    const w = this.writer;
    w.reset();
    for (const [resource, scopes] of groups) {
      w.begin(1); // resource_spans
      w.begin(1); // resource
      writeAttributes(w, 1, this.resourceAttributes(resource));
      w.end();
      for (const list of scopes.values()) {
        w.begin(2); // scope_spans
        const scope = list[0]!.instrumentationScope;
        w.begin(1, 1); // scope
        w.stringField(1, scope.name);
        if (scope.version !== undefined) w.stringField(2, scope.version);
        w.end();
        for (const span of list) writeSpan(w, span);
        w.end();
      }
      w.end();
    }
    return w.finish();
  }

  /**
   * The span's own attributes and `service.name`, then detected ones it does not override (the
   * order OpenTelemetry's `Resource.merge` gives): computed once per resource object.
   */
  private resourceAttributes(resource: ResourceData): Attributes {
    let merged = this.resources.get(resource);
    if (merged === undefined) {
      const own: Record<string, AttributeValue> = {
        ...resource.attributes,
        'service.name': resource.serviceName,
      };
      for (const key in this.fallback) if (!(key in own)) own[key] = this.fallback[key]!;
      merged = own;
      this.resources.set(resource, merged);
    }
    return merged;
  }
}

function writeSpan(w: ProtobufWriter, span: ReadableSpanData): void {
  const context = span.spanContext;
  w.begin(2, 2); // spans
  w.hexBytesField(1, context.traceId);
  w.hexBytesField(2, context.spanId);
  if (context.traceState) w.stringField(3, context.traceState);
  if (span.parentSpanId) w.hexBytesField(4, span.parentSpanId);
  w.stringField(5, span.name);
  w.uintField(6, KIND[span.kind] ?? 1);
  w.timeField(7, span.startTime);
  w.timeField(8, span.endTime);
  writeAttributes(w, 9, span.attributes);
  w.uintField(10, span.droppedAttributesCount);
  for (const event of span.events) {
    w.begin(11, 1);
    w.timeField(1, event.time);
    w.stringField(2, event.name);
    writeAttributes(w, 3, event.attributes);
    w.end();
  }
  w.uintField(12, span.droppedEventsCount);
  for (const link of span.links) {
    const linked = link.context;
    w.begin(13, 2);
    w.hexBytesField(1, linked.traceId);
    w.hexBytesField(2, linked.spanId);
    if (linked.traceState) w.stringField(3, linked.traceState);
    writeAttributes(w, 4, link.attributes);
    w.fixed32Field(6, flags(linked.traceFlags, linked.isRemote));
    w.end();
  }
  w.uintField(14, span.droppedLinksCount);
  w.begin(15, 1); // status, present even when unset, as OpenTelemetry writes it
  if (span.status.message) w.stringField(2, span.status.message);
  w.tag(3, 0); // code, written even when UNSET (0), as OpenTelemetry writes it
  w.varint(STATUS[span.status.code] ?? 0);
  w.end();
  // Core spans do not record whether their parent was remote, as OpenTelemetry's serializer
  // sees them through the converter: "known, not remote".
  w.fixed32Field(16, flags(context.traceFlags, false));
  w.end();
}

function flags(traceFlags: number, isRemote: boolean | undefined): number {
  return (traceFlags & 0xff) | HAS_IS_REMOTE | (isRemote ? IS_REMOTE : 0);
}

function writeAttributes(w: ProtobufWriter, field: number, attributes: Attributes): void {
  for (const key in attributes) {
    w.begin(field, 1); // KeyValue
    w.stringField(1, key);
    w.begin(2, 1); // AnyValue
    writeAnyValue(w, attributes[key]);
    w.end();
    w.end();
  }
}

/** The body of an `AnyValue` (its oneof member), as OpenTelemetry's `toAnyValue` picks it. */
function writeAnyValue(w: ProtobufWriter, value: unknown): void {
  switch (typeof value) {
    case 'string':
      // An empty string is still a value: written even though proto3 would skip it.
      w.stringField(1, value, true);
      return;
    case 'boolean':
      w.tag(2, 0);
      w.varint(value ? 1 : 0);
      return;
    case 'number':
      if (Number.isInteger(value) && Math.abs(value) < MAX_INT64) w.int64Field(3, value, true);
      else w.doubleField(4, value);
      return;
    default:
      if (Array.isArray(value)) {
        w.begin(5); // array_value
        for (const item of value as readonly unknown[]) {
          w.begin(1, 1);
          writeAnyValue(w, item);
          w.end();
        }
        w.end();
      }
    // null, undefined and anything else: an empty AnyValue, as OpenTelemetry writes it.
  }
}
